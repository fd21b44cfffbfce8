package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.factline.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Writes need a bearer JWT with the right role; reads need none. Every refusal leaves the log as it
 * was, and an accepted write records the token's subject and the request's correlation id.
 */
@QuarkusTest
class SecurityApiTest {

    private static final String SEED_QUOTE = "Presidents Moon and Biden reaffirmed their commitment to the complete "
            + "denuclearization of the Korean Peninsula based on dialogue and diplomacy.";

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    /** Each write endpoint, the role it needs, and a request body that would succeed with it. */
    private record Write(String name, String role, Function<RequestSpecification, Response> send) {
    }

    private List<Write> writes() {
        String toCorrect = Api.assertedFact();
        String toRetract = Api.assertedFact();
        return List.of(
                new Write("ingest", "ingest", r -> r.contentType(ContentType.TEXT).body(Api.unique("A document."))
                        .post("/api/documents")),
                new Write("assert", "curate", r -> r.contentType(ContentType.JSON).body(Api.factBody(SEED_QUOTE))
                        .post("/api/facts")),
                new Write("correct", "curate", r -> r.contentType(ContentType.JSON).header("If-Match", "\"1\"")
                        .body(Map.of("summary", "corrected", "reason", "typo")).post("/api/facts/" + toCorrect + "/corrections")),
                new Write("retract", "curate", r -> r.contentType(ContentType.JSON).header("If-Match", "\"1\"")
                        .body(Map.of("reason", "duplicate")).post("/api/facts/" + toRetract + "/retraction")),
                new Write("rebuild", "admin", r -> r.post("/api/admin/projections/rebuild")),
                new Write("reextract", "admin", r -> r.post("/api/admin/reextract?document=" + Api.seedDocument())));
    }

    @Test
    void withoutATokenEveryWriteIsRefusedWith401AndTheLogIsUnchanged() {
        for (Write write : writes()) {
            long head = Api.logHead();
            write.send().apply(given()).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("type", equalTo("/problems/unauthenticated"));
            assertThat(Api.logHead()).as(write.name()).isEqualTo(head);
        }
    }

    @Test
    void aTokenWithoutTheRoleIsRefusedWith403AndTheLogIsUnchanged() {
        for (Write write : writes()) {
            long head = Api.logHead();
            write.send().apply(given().auth().oauth2(DevTokens.of("reader", rolesOtherThan(write.role())))).then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString(write.role()));
            assertThat(Api.logHead()).as(write.name()).isEqualTo(head);
        }
    }

    private static String[] rolesOtherThan(String role) {
        return List.of("ingest", "curate", "admin").stream().filter(r -> !r.equals(role)).toArray(String[]::new);
    }

    /** Tokens with every role that must not be accepted: expired, foreign-signed, misaddressed, malformed. */
    private static List<String> invalidTokens() {
        String[] all = {"ingest", "curate", "admin"};
        return List.of(DevTokens.expired("mallory", all), DevTokens.foreignSigned("mallory", all),
                DevTokens.fromIssuer("https://idp.example.org/other", "mallory", all),
                DevTokens.forAudience("another-service", "mallory", all), "not.a.jwt");
    }

    @Test
    void expiredForeignSignedMisaddressedAndMalformedTokensAreRefusedWith401AndTheLogIsUnchanged() {
        for (String token : invalidTokens()) {
            for (Write write : writes()) {
                long head = Api.logHead();
                write.send().apply(given().auth().oauth2(token)).then().statusCode(401)
                        .header("WWW-Authenticate", containsString("invalid_token"))
                        .body("type", equalTo("/problems/invalid-token"));
                assertThat(Api.logHead()).as(write.name()).isEqualTo(head);
            }
        }
    }

    @Test
    void withTheRoleEveryWriteIsAccepted() {
        for (Write write : writes()) {
            int status = write.send().apply(given().auth().oauth2(DevTokens.of("alice", write.role()))).statusCode();
            assertThat(status).as(write.name()).isBetween(200, 201);
        }
    }

    @Test
    void theEventsOfAWriteNameTheTokensSubjectAndTheRequestsCorrelationId() {
        String id = given().auth().oauth2(DevTokens.of("curator-carol", "curate"))
                .header("X-Correlation-Id", "ticket-4711")
                .contentType(ContentType.JSON).body(Api.factBody(SEED_QUOTE))
                .post("/api/facts").then().statusCode(201)
                .header("X-Correlation-Id", "ticket-4711")
                .extract().path("id");
        given().get("/api/facts/" + id + "/history").then().statusCode(200)
                .body("items[0].by", equalTo("curator-carol"));
        assertThat(Api.queryString("select metadata::text from event where stream_id = 'fact-" + id + "'"))
                .contains("\"by\": \"curator-carol\"", "\"via\": \"rest\"", "\"correlationId\": \"ticket-4711\"");
    }

    @Test
    void readsNeedNoTokenAndIgnoreOne() {
        // a token is checked only where it is needed: a public read is answered whatever it carries
        for (String token : List.of("", DevTokens.of("reader"), DevTokens.expired("reader"), "not.a.jwt")) {
            RequestSpecification request = token.isEmpty() ? given() : given().auth().oauth2(token);
            request.get("/api/facts?limit=1").then().statusCode(200);
            (token.isEmpty() ? given() : given().auth().oauth2(token)).contentType(ContentType.JSON)
                    .body("{\"query\":\"{ topics { id } }\"}").post("/graphql").then()
                    .statusCode(200).body("errors", nullValue()).body("data.topics", notNullValue());
        }
    }

    /** Each mutation, the role it needs, and a request that would succeed with it. */
    private List<Write> mutations() {
        String toCorrect = Api.assertedFact();
        String toRetract = Api.assertedFact();
        String seed = Api.seedDocument();
        return List.of(
                mutation("ingestDocument", "ingest", "mutation($text: String!) { ingestDocument(input: {text: $text}) "
                        + "{ created } }", Map.of("text", Api.unique("A document for the GraphQL refusals."))),
                mutation("assertFact", "curate", "mutation($doc: String!, $quote: String!) { assertFact(input: {type: "
                        + "AGREEMENT, date: {value: \"2021-05\"}, actors: [{actor: \"moon-jae-in\", role: PARTY}], topics: "
                        + "[\"north-korea-nuclear\"], summary: \"s\", sources: [{document: $doc, quote: $quote}]}) { id } }",
                        Map.of("doc", seed, "quote", SEED_QUOTE)),
                mutation("correctFact", "curate", "mutation($id: ID!) { correctFact(id: $id, expectedVersion: 1, "
                        + "correction: {summary: \"corrected\", reason: \"typo\"}) { version } }", Map.of("id", toCorrect)),
                mutation("retractFact", "curate", "mutation($id: ID!) { retractFact(id: $id, expectedVersion: 1, "
                        + "reason: \"duplicate\") { version } }", Map.of("id", toRetract)),
                mutation("reextract", "admin", "mutation($doc: ID!) { reextract(document: $doc) { documents } }",
                        Map.of("doc", seed)));
    }

    private static Write mutation(String name, String role, String query, Map<String, Object> variables) {
        return new Write(name, role, r -> r.contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables)).post("/graphql"));
    }

    @Test
    void graphQLMutationsNeedTheRoleToo() {
        for (Write mutation : mutations()) {
            long head = Api.logHead();
            mutation.send().apply(given()).then().statusCode(200)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
            mutation.send().apply(given().auth().oauth2(DevTokens.of("bob", rolesOtherThan(mutation.role())))).then().statusCode(200)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                    .body("errors[0].message", containsString(mutation.role()));
            // a token that cannot be verified refuses the whole request, as over REST
            for (String token : invalidTokens()) {
                mutation.send().apply(given().auth().oauth2(token)).then()
                        .statusCode(401)
                        .header("WWW-Authenticate", containsString("invalid_token"))
                        .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
            }
            assertThat(Api.logHead()).as(mutation.name()).isEqualTo(head);
            mutation.send().apply(given().auth().oauth2(DevTokens.of("root", mutation.role()))
                            .header("X-Correlation-Id", "gql-" + mutation.name())).then().statusCode(200)
                    .body("errors", nullValue())
                    .body("data." + mutation.name(), notNullValue());
            if (!mutation.name().equals("reextract")) { // re-extracting an unchanged document appends nothing
                assertThat(Api.logHead()).as(mutation.name()).isGreaterThan(head);
                assertThat(Api.queryString("select string_agg(distinct metadata->>'by' || ' ' || (metadata->>'via') || ' '"
                        + " || (metadata->>'correlationId'), '; ') from event where position > " + head))
                        .as(mutation.name()).isEqualTo("root graphql gql-" + mutation.name());
            }
        }
    }

    @Test
    void graphQLWritesRecordTheSubjectAndCorrelationIdToo() {
        String text = Api.unique("A note for the GraphQL write test.");
        String id = given().auth().oauth2(DevTokens.of("ingest-bot", "ingest")).header("X-Correlation-Id", "batch-17")
                .contentType(ContentType.JSON)
                .body(Map.of("query", "mutation($text: String!) { ingestDocument(input: {text: $text, title: \"gql\"}) "
                        + "{ document { id } } }", "variables", Map.of("text", text)))
                .post("/graphql").then().statusCode(200).body("errors", nullValue())
                .extract().path("data.ingestDocument.document.id");
        assertThat(Api.queryString("select metadata::text from event where stream_id = 'document-" + id + "'"))
                .contains("\"by\": \"ingest-bot\"", "\"via\": \"graphql\"", "\"correlationId\": \"batch-17\"");
    }
}
