package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The GraphQL schema is a public contract that Java names must not leak into: the schema served is
 * compared with the approved {@code src/test/resources/graphql/schema.graphql}. A deliberate change is
 * approved with {@code ./mvnw test -Dtest=GraphQLSchemaTest -Dfactline.approve-schema=true}, and the
 * diff of that file reviewed and committed with it.
 */
@QuarkusTest
class GraphQLSchemaTest {

    private static final Path APPROVED = Path.of(System.getProperty("basedir", ""), "src", "test", "resources",
            "graphql", "schema.graphql");

    @Test
    void theServedSchemaIsTheApprovedOne() throws IOException {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("factline.approve-schema")) {
            Files.createDirectories(APPROVED.getParent());
            Files.writeString(APPROVED, served, StandardCharsets.UTF_8);
        }
        assertThat(APPROVED).as("approve the schema first: -Dfactline.approve-schema=true").exists();
        assertThat(served).isEqualTo(Files.readString(APPROVED, StandardCharsets.UTF_8));
    }
}
