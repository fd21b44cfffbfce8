package io.factline.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A batched field asked twice with different arguments — two aliases on one parent, or two parents
 * asked for different pages — answers each call with its own arguments (SmallRye's batches took the
 * first call's for all). The selections ask for fields no compiled plan answers, so graphql-java runs them.
 */
@QuarkusTest
class BatchedArgumentsTest {

    private String documentId;
    private String sentence;

    @BeforeEach
    void document() {
        Api.awaitReady();
        sentence = Api.unique("Shinzo Abe met Moon Jae-in in Tokyo, and both spoke about trade.");
        documentId = Api.ingest("Notes.\n" + sentence);
    }

    private String assertFact(String type, String date, String... actors) {
        StringBuilder list = new StringBuilder();
        for (String actor : actors) {
            list.append("{actor: \"").append(actor).append("\", role: ").append(type.equals("STATEMENT") ? "SPEAKER" : "PARTICIPANT")
                    .append("} ");
        }
        return post("mutation($doc: String!, $quote: String!) { assertFact(input: {type: " + type + ", date: {value: \"" + date
                + "\"}, actors: [" + list + "], topics: [\"trade\"], summary: \"batched\", sources: [{document: $doc, quote: $quote}]}) "
                + "{ id } }", Map.of("doc", documentId, "quote", sentence)).path("data.assertFact.id");
    }

    private static ExtractableResponse<Response> post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        ExtractableResponse<Response> response = Api.writer().contentType(ContentType.JSON).body(body).post("/graphql")
                .then().statusCode(200).extract();
        assertThat(response.<Object>path("errors")).as("errors").isNull();
        return response;
    }

    @Test
    void twoAliasesOfOneParentsFacts() {
        for (int day = 1; day <= 3; day++) {
            assertFact("MEETING", "2019-06-0" + day, "shinzo-abe", "moon-jae-in");
        }
        assertFact("STATEMENT", "2019-06-04", "shinzo-abe");
        var answer = post("{ actor(id: \"shinzo-abe\") { factCount one: facts(first: 1) { edges { node { id } } } "
                + "three: facts(first: 3) { edges { node { id } } } "
                + "statements: facts(first: 50, filter: {types: [STATEMENT]}) { edges { node { type } } } "
                + "meetings: facts(first: 50, filter: {types: [MEETING]}) { edges { node { type } } } } }", Map.of());
        assertThat(answer.<List<String>>path("data.actor.one.edges.node.id")).hasSize(1);
        List<String> three = answer.path("data.actor.three.edges.node.id");
        assertThat(three).hasSize(3).startsWith(answer.<List<String>>path("data.actor.one.edges.node.id").get(0));
        assertThat(answer.<List<String>>path("data.actor.statements.edges.node.type")).isNotEmpty().containsOnly("STATEMENT");
        assertThat(answer.<List<String>>path("data.actor.meetings.edges.node.type")).hasSizeGreaterThanOrEqualTo(3)
                .containsOnly("MEETING");
    }

    @Test
    void twoParentsAskedForDifferentPagesAndTheSameOne() {
        for (int day = 1; day <= 3; day++) {
            assertFact("MEETING", "2019-07-0" + day, "shinzo-abe", "moon-jae-in");
        }
        var answer = post("{ a: actor(id: \"shinzo-abe\") { factCount facts(first: 1) { edges { node { id } } } } "
                + "m: actor(id: \"moon-jae-in\") { factCount facts(first: 3) { edges { node { id } } } } "
                + "t: topic(id: \"trade\") { description facts(first: 2) { edges { node { id } } } } "
                + "again: actor(id: \"moon-jae-in\") { factCount facts(first: 1) { edges { node { id } } } } "
                + "co1: actor(id: \"moon-jae-in\") { coActors(first: 1) { count } } "
                + "co5: actor(id: \"moon-jae-in\") { coActors(first: 5) { count } } }", Map.of());
        assertThat(answer.<List<String>>path("data.a.facts.edges.node.id")).hasSize(1);
        assertThat(answer.<List<String>>path("data.m.facts.edges.node.id")).hasSize(3);
        assertThat(answer.<List<String>>path("data.t.facts.edges.node.id")).hasSize(2);
        assertThat(answer.<List<String>>path("data.again.facts.edges.node.id")).hasSize(1);
        assertThat(answer.<List<Object>>path("data.co1.coActors")).hasSize(1);
        assertThat(answer.<List<Object>>path("data.co5.coActors")).hasSizeGreaterThan(1);
    }
}
