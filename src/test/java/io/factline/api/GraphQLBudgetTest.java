package io.factline.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A response may hold only so many objects, whatever page sizes a query asks for. */
@QuarkusTest
@TestProfile(GraphQLBudgetTest.SmallBudget.class)
class GraphQLBudgetTest {

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("factline.graphql.max-objects", "30");
        }
    }

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void aQueryWithinTheBudgetIsAnswered() {
        GraphQLApiTest.graphql("{ actors(first: 30) { edges { node { id } } } }", Map.of())
                .body("errors", nullValue())
                .body("data.actors.edges", hasSize(30));
    }

    @Test
    void aQueryOverTheBudgetIsRefusedWithACode() {
        GraphQLApiTest.graphql("{ a: actors(first: 20) { edges { node { id } } } b: actors(first: 20) { edges { node { id } } } }",
                        Map.of())
                .body("errors[0].extensions.code", equalTo("TOO_COSTLY"))
                .body("errors[0].message", containsString("more than 30"));
    }
}
