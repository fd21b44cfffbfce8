package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.factline.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With factline.auth.reads-require-token=true, reading needs a valid token too (any role); probes stay open. */
@QuarkusTest
@TestProfile(ReadsRequireTokenTest.ReadsNeedAToken.class)
class ReadsRequireTokenTest {

    public static class ReadsNeedAToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("factline.auth.reads-require-token", "true", "factline.seeds.enabled", "false");
        }
    }

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void readsWithoutATokenAreRefused() {
        given().get("/api/facts").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().get("/api/events").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"query\":\"{ topics { id } }\"}").post("/graphql").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"factline\""))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(DevTokens.expired("reader")).contentType(ContentType.JSON).body("{\"query\":\"{ topics { id } }\"}")
                .post("/graphql").then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(DevTokens.expired("reader")).get("/api/facts").then().statusCode(401);
    }

    @Test
    void persistedQueriesAndGetAnswersAreForReadersOnly() {
        String byHash = "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + "ab".repeat(32) + "\"}}}";
        // a token that does not verify learns nothing of which queries are kept
        given().auth().oauth2("junk").contentType(ContentType.JSON).body(byHash).post("/graphql").then().statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(DevTokens.of("reader")).contentType(ContentType.JSON).body(byHash).post("/graphql").then()
                .statusCode(200).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        given().auth().oauth2(DevTokens.of("reader")).queryParam("query", "{ topics { id } }").get("/graphql").then()
                .statusCode(200).header("Cache-Control", equalTo("private, no-cache"));
    }

    @Test
    void readsWithAValidTokenOfAnyRoleAreAnswered() {
        String token = DevTokens.of("reader");
        given().auth().oauth2(token).get("/api/facts").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"query\":\"{ topics { id } }\"}")
                .post("/graphql").then().statusCode(200);
    }

    @Test
    void probesMetricsAndTheApiDescriptionStayOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
