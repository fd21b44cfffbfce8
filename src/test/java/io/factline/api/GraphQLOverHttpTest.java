package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * GraphQL over HTTP as front-end tools use it: GET queries (not mutations), the answer's media type
 * by Accept, request errors 400 under application/graphql-response+json, and automatic persisted
 * queries (Apollo's extensions.persistedQuery).
 */
@QuarkusTest
class GraphQLOverHttpTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String TOPICS = "query Topics($first: Int) { topics { id name } facts(first: $first) { edges { node { id } } } }";

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void getServesAQueryWithItsVariablesAsPostDoes() {
        Object posted = given().contentType(ContentType.JSON).body(Map.of("query", TOPICS, "variables", Map.of("first", 3)))
                .post("/graphql").then().statusCode(200).body("errors", nullValue()).extract().path("data");
        Object got = given().queryParam("query", TOPICS).queryParam("variables", "{\"first\": 3}").queryParam("operationName", "Topics")
                .get("/graphql").then().statusCode(200).body("errors", nullValue()).extract().path("data");
        assertThat(got).isEqualTo(posted);
        assertThat((List<?>) ((Map<?, ?>) got).get("topics")).isNotEmpty();
    }

    @Test
    void aGetQueryIsCacheableAndRevalidatedByItsETag() {
        String query = "{ actor(id: \"moon-jae-in\") { factCount } }";
        Response first = given().queryParam("query", query).get("/graphql");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("public, no-cache");
        String etag = first.header("ETag");
        assertThat(etag).startsWith("W/\"");
        given().queryParam("query", query).header("If-None-Match", etag).get("/graphql").then().statusCode(304);
        // a fact of its own (other tests' facts of Moon must not be corroborated by it)
        Api.ingest("{{STATEMENT|1998-10|moon-jae-in:SPEAKER,kim-dae-jung:ADDRESSEE|trade}} " + Api.unique("Moon wrote to Kim Dae-jung."));
        String changed = given().queryParam("query", query).header("If-None-Match", etag).get("/graphql").then().statusCode(200)
                .extract().header("ETag");
        assertThat(changed).isNotEqualTo(etag);
        given().contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then().statusCode(200)
                .header("ETag", nullValue());
    }

    @Test
    void aPageOfFactsOverGetIsRevalidatedByItsETagToo() {
        // the hottest query, answered by a compiled plan: cacheable like any other
        String query = "{ facts(first: 5) { edges { cursor node { id summary } } pageInfo { hasNextPage } } }";
        String etag = given().queryParam("query", query).get("/graphql").then().statusCode(200)
                .header("Cache-Control", "public, no-cache").extract().header("ETag");
        assertThat(etag).startsWith("W/\"");
        given().queryParam("query", query).header("If-None-Match", etag).get("/graphql").then().statusCode(304);
        String asGraphQLResponse = given().accept(GRAPHQL_RESPONSE).queryParam("query", query).get("/graphql").then()
                .statusCode(200).extract().header("ETag");
        assertThat(asGraphQLResponse).as("another media type, another tag").isNotEqualTo(etag);
    }

    @Test
    void aMutationOverGetIsRefusedWithTheMethodsAllowedAndChangesNothing() {
        long head = Api.logHead();
        String mutation = "mutation { ingestDocument(input: {text: \"Moon Jae-in met Donald Trump in Seoul on 30 June 2019.\"}) { created } }";
        Api.writer().queryParam("query", mutation).get("/graphql").then().statusCode(405)
                .header("Allow", "POST").body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"))
                .body("errors[0].message", containsString("POST"));
        assertThat(Api.logHead()).isEqualTo(head);
    }

    @Test
    void getParametersThatAreNoRequestAreRefused() {
        given().queryParam("query", TOPICS).queryParam("variables", "{first: 3").get("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST")).body("errors[0].message", containsString("variables"));
        given().queryParam("query", "{ topics { id } }").queryParam("query", "{ actors { edges { cursor } } }").get("/graphql")
                .then().statusCode(400).body("errors[0].message", containsString("2 times"));
        given().get("/graphql").then().statusCode(400).body("errors[0].message", containsString("no query"));
    }

    @Test
    void aQueryThatDoesNotFitTheSchemaIs400UnderGraphQLResponseJsonAnd200UnderJson() {
        String invalid = "{ topics { noSuchField } }";
        given().accept(GRAPHQL_RESPONSE).contentType(ContentType.JSON).body(Map.of("query", invalid)).post("/graphql").then()
                .statusCode(400).body("data", nullValue()).body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        given().accept(GRAPHQL_RESPONSE).queryParam("query", invalid).get("/graphql").then().statusCode(400);
        given().accept(ContentType.JSON).contentType(ContentType.JSON).body(Map.of("query", invalid)).post("/graphql").then()
                .statusCode(200).body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
    }

    @Test
    void theAnswerIsInAMediaTypeTheClientAccepts() {
        Response plain = given().contentType(ContentType.JSON).header("Accept", "").body(Map.of("query", "{ topics { id } }")).post("/graphql");
        assertThat(plain.statusCode()).isEqualTo(200);
        given().accept("text/html").contentType(ContentType.JSON).body(Map.of("query", "{ topics { id } }")).post("/graphql").then()
                .statusCode(406);
        given().accept("*/*").queryParam("query", "{ topics { id } }").get("/graphql").then().statusCode(200)
                .contentType(containsString("application/json"));
        given().options("/graphql").then().statusCode(200).header("Allow", containsString("GET"));
    }

    @Test
    void aContentTypeThatNamesOneMediaTypeTwiceIsThatType() {
        // GraphiQL's fetcher joins its default header and the one it is given
        byte[] request = "{\"query\": \"{ topics { id } }\"}".getBytes(StandardCharsets.UTF_8);
        given().header("Content-Type", "application/json, application/json").body(request)
                .post("/graphql").then().statusCode(200).body("errors", nullValue());
        given().header("Content-Type", "application/json, text/plain").body(request).post("/graphql").then().statusCode(415);
    }

    @Test
    void aPersistedQueryIsAskedForOnceThenServedByItsHashAlone() {
        String query = "{ topics { id } __typename # " + UUID.randomUUID() + "\n}";
        Map<String, Object> byHash = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", sha256(query)));
        given().contentType(ContentType.JSON).body(Map.of("extensions", byHash)).post("/graphql").then().statusCode(200)
                .body("errors[0].message", equalTo("PersistedQueryNotFound"))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        Object first = given().contentType(ContentType.JSON).body(Map.of("query", query, "extensions", byHash)).post("/graphql")
                .then().statusCode(200).body("errors", nullValue()).extract().path("data");
        Object again = given().contentType(ContentType.JSON).body(Map.of("extensions", byHash)).post("/graphql").then()
                .statusCode(200).body("errors", nullValue()).extract().path("data");
        Object overGet = given().queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + sha256(query) + "\"}}")
                .get("/graphql").then().statusCode(200).body("data.__typename", notNullValue()).extract().path("data");
        assertThat(again).isEqualTo(first);
        assertThat(overGet).isEqualTo(first);
    }

    @Test
    void aPersistedQueryWhoseHashIsNotItsOwnOrOfAnotherVersionIsRefused() {
        String query = "{ topics { id } }";
        given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", sha256(query + " ")))))
                .post("/graphql").then().statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", containsString("provided sha does not match query"));
        given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "extensions", Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", sha256(query)))))
                .post("/graphql").then().statusCode(400).body("errors[0].message", containsString("PersistedQueryNotSupported"));
        given().contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE)
                .body(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "0".repeat(64)))))
                .post("/graphql").then().statusCode(400).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
