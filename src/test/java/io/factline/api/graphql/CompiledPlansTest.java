package io.factline.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.api.graphql.plan.CompiledPlans;
import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The compiled plans answer as graphql-java does. The test profile runs them in verify mode: each
 * compilable query is answered both ways and a difference answers 500. Here: queries of every shape a
 * plan compiles (aliases, fragments, variables and their defaults, @skip/@include, paging to the end,
 * empty pages, every filter, retracted facts, total counts, the facts of a root actor, topic or document), each required to be compared and equal;
 * and requests a plan must leave to graphql-java (errors, other fields), required not to be compared.
 */
@QuarkusTest
class CompiledPlansTest {

    private static final String ALL_FIELDS = "id type status origin version summary retractionReason recordedAt updatedAt "
            + "date { start end precision text __typename } actors { role actor { id name kind __typename } __typename } "
            + "topics { id name __typename } sources { quote start end confidence document { id title __typename } __typename } "
            + "history { version type at by reason __typename } "
            + "extraction { extractorVersion cameo plover target { start end precision text } __typename } __typename";

    @Inject
    CompiledPlans plans;

    private String documentId;
    private String sentence;

    @BeforeEach
    void document() {
        Api.awaitReady();
        sentence = Api.unique("Park Geun-hye met Barack Obama at the White House.");
        documentId = Api.ingest("A report.\n" + sentence);
    }

    private String assertMeeting(String date, String... actors) {
        StringBuilder list = new StringBuilder();
        for (String actor : actors) {
            list.append("{actor: \"").append(actor).append("\", role: PARTICIPANT} ");
        }
        return post("mutation($doc: String!, $quote: String!) { assertFact(input: {type: MEETING, date: {value: \""
                + date + "\"}, actors: [" + list + "], topics: [\"summit-diplomacy\", \"china\"], summary: \"A \\\"meeting\\\"\\n\\ttab\", "
                + "sources: [{document: $doc, quote: $quote, confidence: 0.0001}]}) { id version } }",
                Map.of("doc", documentId, "quote", sentence), null).path("data.assertFact.id");
    }

    private static ExtractableResponse<Response> post(String query, Map<String, Object> variables, String operationName) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        return Api.writer().contentType(ContentType.JSON).body(body).post("/graphql").then().statusCode(200).extract();
    }

    /** Asked, compiled, compared with graphql-java's answer and found equal. */
    private ExtractableResponse<Response> compiled(String query, Map<String, Object> variables) {
        return compiled(query, variables, null);
    }

    private ExtractableResponse<Response> compiled(String query, Map<String, Object> variables, String operationName) {
        long compared = plans.compared();
        long mismatches = plans.mismatches();
        ExtractableResponse<Response> response = post(query, variables, operationName);
        assertThat(response.<Object>path("errors")).as("errors").isNull();
        assertThat(plans.mismatches()).as("mismatches").isEqualTo(mismatches);
        assertThat(plans.compared()).as("compared: " + query).isEqualTo(compared + 1);
        return response;
    }

    /** Asked and left to graphql-java. */
    private ExtractableResponse<Response> passedOn(String query, Map<String, Object> variables) {
        long compared = plans.compared();
        ExtractableResponse<Response> response = post(query, variables, null);
        assertThat(plans.compared()).as("compared: " + query).isEqualTo(compared);
        return response;
    }

    @Test
    void theBenchmarksPageAndEveryFieldOfAFact() {
        String id = assertMeeting("2015-10-16", "park-geun-hye", "barack-obama");
        compiled("query($a: [String!], $from: Date, $to: Date) { facts(filter: {actors: $a, from: $from, to: $to}, first: 20) { "
                + "edges { cursor node { id type summary date { start end precision } actors { role actor { id name kind } } "
                + "topics { id name } sources { quote start end confidence document { id title } } } } "
                + "pageInfo { hasNextPage endCursor } } }", Map.of("a", List.of("park-geun-hye"), "from", "2015-01-01", "to", "2015-12-31"));
        var response = compiled("query($doc: String) { facts(filter: {document: $doc}) { totalCount edges { cursor node { "
                + ALL_FIELDS + " } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor __typename } __typename } __typename }",
                Map.of("doc", documentId));
        assertThat(response.<List<String>>path("data.facts.edges.node.id")).contains(id);
        compiled("{ facts(first: 30) { edges { node { " + ALL_FIELDS + " } } } }", Map.of());
    }

    @Test
    void aliasesFragmentsAndMergedFields() {
        assertMeeting("2015-10-16", "park-geun-hye", "barack-obama");
        compiled("query Page($doc: String) { first: facts(filter: {document: $doc}, first: 1) { ...connection } "
                + "all: facts(filter: {document: $doc}) { edges { node { ... on Fact { id } ...fact } } } "
                + "t: __typename }"
                + "fragment connection on FactConnection { p: pageInfo { more: hasNextPage } edges { c: cursor node { id i: id } "
                + "node { summary ... { type } } } pageInfo { endCursor } }"
                + "fragment fact on Fact { actors { actor { n: name } } actors { actor { id } r: role } d: date { start } }",
                Map.of("doc", documentId));
        compiled("query A { facts(first: 1) { edges { cursor } } } query B { facts(first: 2) { edges { node { id } } } }", Map.of(), "B");
    }

    @Test
    void variablesTheirDefaultsAndConditions() {
        assertMeeting("2015-10-16", "park-geun-hye", "barack-obama");
        String query = "query($first: Int = 1, $full: Boolean = false, $lean: Boolean!, $doc: String) { "
                + "facts(first: $first, filter: {document: $doc}) { edges { node { id summary @include(if: $full) "
                + "... @skip(if: $lean) { type date { start } } ...more @include(if: true) status @skip(if: true) } } } } "
                + "fragment more on Fact { version }";
        compiled(query, Map.of("lean", true, "doc", documentId));
        compiled(query, Map.of("lean", false, "full", true, "first", 3, "doc", documentId));
    }

    @Test
    void pagingToTheEndAndEmptyPages() {
        for (int i = 0; i < 3; i++) {
            assertMeeting("2015-10-1" + i, "park-geun-hye", "barack-obama");
        }
        String query = "query($after: String, $doc: String) { facts(filter: {document: $doc}, first: 2, after: $after) { "
                + "totalCount edges { cursor node { id } } pageInfo { hasNextPage startCursor endCursor } } }";
        String after = null;
        int pages = 0;
        while (true) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("doc", documentId);
            variables.put("after", after);
            var page = compiled(query, variables);
            pages++;
            if (!page.<Boolean>path("data.facts.pageInfo.hasNextPage")) {
                break;
            }
            after = page.path("data.facts.pageInfo.endCursor");
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        compiled("{ facts(filter: {actors: [\"nobody-at-all\"]}) { totalCount edges { cursor } "
                + "pageInfo { hasNextPage startCursor endCursor } } }", Map.of());
    }

    @Test
    void everyFilterAndRetractedFacts() {
        String id = assertMeeting("2015-10-16", "park-geun-hye", "barack-obama");
        post("mutation($id: ID!) { retractFact(id: $id, expectedVersion: 1, reason: \"duplicate\") { status } }",
                Map.of("id", id), null).path("data");
        String page = "{ totalCount edges { node { id status retractionReason history { type reason by } } } }";
        for (String filter : List.of("{actors: [\"park-geun-hye\", \"barack-obama\"]}", "{topics: [\"china\", \"summit-diplomacy\"]}",
                "{types: [MEETING, STATEMENT]}", "{from: \"2015-01-01\", to: \"2015-12-31\"}", "{to: \"2016-01-01\"}",
                "{text: \"meeting\"}", "{document: \"DOC\"}", "{document: \"DOC\", includeRetracted: true}",
                "{actors: [\"park-geun-hye\"], topics: [\"china\"], types: [MEETING], from: \"2015-10-01\", document: \"DOC\", "
                        + "includeRetracted: true}", "{includeRetracted: true, actors: [\"barack-obama\"]}", "{}")) {
            compiled("{ facts(first: 50, filter: " + filter.replace("DOC", documentId) + ") " + page + " }", Map.of());
        }
    }

    @Test
    void theFactsOfAnActorATopicAndADocument() {
        String id = assertMeeting("2015-10-17", "park-geun-hye", "barack-obama");
        String page = "{ totalCount edges { cursor node { id type date { start } actors { role actor { id name } } } } "
                + "pageInfo { hasNextPage endCursor } __typename }";
        compiled("query($id: ID!, $f: FactFilter) { actor(id: $id) { id name kind __typename facts(filter: $f, first: 2) "
                + page + " } }", Map.of("id", "park-geun-hye", "f", Map.of("from", "2015-01-01")));
        compiled("{ a: actor(id: \"barack-obama\") { n: name recent: facts(first: 1) " + page + " all: facts(first: 50, "
                + "filter: {includeRetracted: true, types: [MEETING]}) { edges { node { id } } } } "
                + "t: topic(id: \"china\") { id name facts(filter: {actors: [\"park-geun-hye\"]}) " + page + " } "
                + "facts(first: 1) { edges { cursor } } }", Map.of());
        var document = compiled("query($doc: ID!) { document(id: $doc) { id title facts(first: 50, includeRetracted: true) "
                + page + " } }", Map.of("doc", documentId));
        assertThat(document.<List<String>>path("data.document.facts.edges.node.id")).contains(id);
        // the explorer's "more facts" of an actor: the second page, by cursor
        String more = "query More($id: ID!, $after: String) { actor(id: $id) { facts(first: 1, after: $after) { ...page } } } "
                + "fragment page on FactConnection { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }";
        String after = compiled(more, Map.of("id", "park-geun-hye")).path("data.actor.facts.pageInfo.endCursor");
        compiled(more, Map.of("id", "park-geun-hye", "after", after));
        // none by that id: null, as graphql-java answers
        var none = compiled("{ actor(id: \"nobody-at-all\") { id facts { totalCount } } topic(id: \"no-such-topic\") { id } "
                + "document(id: \"not-a-uuid\") { id } d: document(id: \"00000000-0000-0000-0000-000000000000\") { title } }", Map.of());
        assertThat(none.<Object>path("data.actor")).isNull();
        assertThat(none.<Object>path("data.d")).isNull();
    }

    @Test
    void theAnswersMediaTypeFollowsTheAcceptHeader() {
        for (String accept : List.of("application/graphql-response+json", "application/json;q=0.5",
                "application/graphql-response+json, application/json;q=0.9", "*/*", "text/html, */*;q=0.1")) {
            long compared = plans.compared();
            Api.writer().accept(accept).contentType(ContentType.JSON).body(Map.of("query", "{ facts(first: 3) { edges { cursor } } }"))
                    .post("/graphql").then().statusCode(200).body("errors", nullValue());
            assertThat(plans.compared()).as(accept).isEqualTo(compared + 1);
        }
        long compared = plans.compared();
        Api.writer().contentType("application/graphql").body("{ facts(first: 2) { edges { cursor } } }".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/graphql")
                .then().statusCode(200).body("errors", nullValue());
        assertThat(plans.compared()).isEqualTo(compared + 1);
    }

    @Test
    void aBrowsersSameOriginRequestIsComparedToo() {
        // the explorer's requests carry Origin: graphql-java's copy must still be same-origin for CORS
        long compared = plans.compared();
        long mismatches = plans.mismatches();
        Api.writer().header("Origin", "http://localhost:" + io.restassured.RestAssured.port).contentType(ContentType.JSON)
                .body(Map.of("query", "{ facts(first: 2) { edges { cursor } } }")).post("/graphql")
                .then().statusCode(200).body("errors", nullValue());
        assertThat(plans.mismatches()).isEqualTo(mismatches);
        assertThat(plans.compared()).isEqualTo(compared + 1);
    }

    @Test
    void errorsAndOtherFieldsAreGraphQLJavas() {
        passedOn("{ facts(after: \"nonsense\") { edges { cursor } } }", Map.of()).path("errors[0].extensions.code");
        passedOn("{ facts(first: 0) { edges { cursor } } }", Map.of());
        passedOn("{ facts(first: 101) { edges { cursor } } }", Map.of());
        passedOn("{ facts(filter: {from: \"2016-01-01\", to: \"2015-01-01\"}) { edges { cursor } } }", Map.of());
        passedOn("{ facts(filter: {document: \"not-an-id\"}) { edges { cursor } } }", Map.of());
        passedOn("{ facts(first: 1) { edges { node { actors { actor { aliases } } } } } }", Map.of());
        passedOn("{ facts(first: 1) { edges { node { id } } } topics { id } }", Map.of());
        passedOn("{ facts(first: 1) { edges { node { idd } } } }", Map.of());
        passedOn("{ timeline { period } }", Map.of());
        passedOn("{ actor(id: \"park-geun-hye\") { aliases facts { totalCount } } }", Map.of());
        passedOn("{ actor(id: \"park-geun-hye\") { coActors { count } } }", Map.of());
        passedOn("{ actor(id: \"park-geun-hye\") { facts(first: 0) { totalCount } } }", Map.of());
        passedOn("{ document(id: \"" + documentId + "\") { text } }", Map.of());
        passedOn("{ facts(first: 1) { edges { node { actors { actor { facts { totalCount } } } } } } }", Map.of());
        passedOn("mutation { reextract(document: \"x\") { documents } }", Map.of());
        assertThat(plans.mismatches()).isZero();
        assertThat(plans.compared()).isPositive();
    }
}
