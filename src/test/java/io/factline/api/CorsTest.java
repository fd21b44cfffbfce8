package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/** Browsers may call factline from the configured front-end origins only (here https://analyst.example.org). */
@QuarkusTest
class CorsTest {

    private static final String FRONT_END = "https://analyst.example.org";

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void aConfiguredOriginMayReadAndSendTokens() {
        given().header("Origin", FRONT_END).get("/api/facts?limit=1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONT_END))
                .header("Access-Control-Expose-Headers", containsString("X-Correlation-Id"));
        given().header("Origin", FRONT_END).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONT_END))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void aConfiguredOriginReadsGraphQLRefusalsToo() {
        // Apollo's client must read PersistedQueryNotFound to send the query: the refusal carries CORS headers
        given().header("Origin", FRONT_END).contentType("application/json")
                .body("{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + "cd".repeat(32) + "\"}}}")
                .post("/graphql").then().statusCode(200).header("Access-Control-Allow-Origin", equalTo(FRONT_END))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        given().header("Origin", FRONT_END).queryParam("query", "mutation { reextract { documents } }").get("/graphql").then()
                .statusCode(405).header("Access-Control-Allow-Origin", equalTo(FRONT_END));
    }

    @Test
    void anyOtherOriginIsRefused() {
        given().header("Origin", "https://evil.example.com").get("/api/facts?limit=1").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "POST")
                .options("/graphql").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void requestsWithoutAnOriginAreNotBrowsersAndPass() {
        given().get("/api/facts?limit=1").then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }
}
