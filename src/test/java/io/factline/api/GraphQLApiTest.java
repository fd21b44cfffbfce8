package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.query.ReadMetrics;
import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class GraphQLApiTest {

    @Inject
    ReadMetrics reads;

    private String documentId;
    private String sentence;

    @BeforeEach
    void document() {
        Api.awaitReady();
        sentence = Api.unique("Park Geun-hye met Barack Obama at the White House.");
        documentId = Api.ingest("A report.\n" + sentence);
    }

    static ValidatableResponse graphql(String query, Map<String, Object> variables) {
        return Api.writer().contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().statusCode(200);
    }

    private String assertMeeting(String date, String... actors) {
        StringBuilder list = new StringBuilder();
        for (String actor : actors) {
            list.append("{actor: \"").append(actor).append("\", role: PARTICIPANT} ");
        }
        return graphql("mutation($doc: String!, $quote: String!) { assertFact(input: {type: MEETING, date: {value: \""
                + date + "\"}, actors: [" + list + "], topics: [\"summit-diplomacy\", \"china\"], summary: \"A meeting\", "
                + "sources: [{document: $doc, quote: $quote}]}) { id version } }",
                Map.of("doc", documentId, "quote", sentence))
                .body("errors", nullValue())
                .extract().path("data.assertFact.id");
    }

    @Test
    void mutationsAssertCorrectAndRetractWithVersions() {
        String id = assertMeeting("2015-10-16", "park-geun-hye", "barack-obama");

        graphql("mutation($id: ID!) { correctFact(id: $id, expectedVersion: 1, correction: {summary: \"Park and Obama met\", "
                + "reason: \"clearer\"}) { version summary history { type reason by } } }", Map.of("id", id))
                .body("errors", nullValue())
                .body("data.correctFact.version", equalTo(2))
                .body("data.correctFact.summary", equalTo("Park and Obama met"))
                .body("data.correctFact.history.type", equalTo(List.of("FactAsserted", "FactCorrected")))
                .body("data.correctFact.history[1].reason", equalTo("clearer"));

        long head = Api.logHead();
        graphql("mutation($id: ID!) { correctFact(id: $id, expectedVersion: 1, correction: {summary: \"stale\"}) { version } }",
                Map.of("id", id))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("VERSION_CONFLICT"))
                .body("errors[0].message", containsString("version 2"));
        assertThat(Api.logHead()).isEqualTo(head);

        graphql("mutation($id: ID!) { retractFact(id: $id, expectedVersion: 2, reason: \"duplicate\") { status version "
                + "retractionReason } }", Map.of("id", id))
                .body("data.retractFact.status", equalTo("RETRACTED"))
                .body("data.retractFact.retractionReason", equalTo("duplicate"));
        graphql("mutation($id: ID!) { retractFact(id: $id, expectedVersion: 3, reason: \"again\") { status } }", Map.of("id", id))
                .body("errors[0].extensions.code", equalTo("CONFLICT"));
        graphql("query($id: ID!) { fact(id: $id) { status history { type } } }", Map.of("id", id))
                .body("data.fact.status", equalTo("RETRACTED"))
                .body("data.fact.history.type", equalTo(List.of("FactAsserted", "FactCorrected", "FactRetracted")));
    }

    @Test
    void factsConnectionPagesByDateWithNestedFieldsResolved() {
        String later = assertMeeting("2015-10-16", "park-geun-hye", "barack-obama");
        String earlier = assertMeeting("2013-05-07", "park-geun-hye", "barack-obama");
        String query = "query($doc: String!, $after: String) { facts(filter: {document: $doc, actors: [\"park-geun-hye\"]}, "
                + "first: 1, after: $after) { totalCount edges { cursor node { id type date { start end precision text } "
                + "summary status version actors { role actor { id name kind aliases wikidataId } } "
                + "topics { id name description factCount } sources { quote start end confidence document { id title length "
                + "publisher } } history { type at by } } } pageInfo { hasNextPage endCursor } } }";
        ValidatableResponse first = graphql(query, Map.of("doc", documentId)).body("errors", nullValue())
                .body("data.facts.totalCount", equalTo(2))
                .body("data.facts.edges", hasSize(1))
                .body("data.facts.edges[0].node.id", equalTo(earlier))
                .body("data.facts.edges[0].node.date.start", equalTo("2013-05-07"))
                .body("data.facts.edges[0].node.actors.actor.id", equalTo(List.of("park-geun-hye", "barack-obama")))
                .body("data.facts.edges[0].node.actors[1].actor.wikidataId", equalTo("Q76"))
                .body("data.facts.edges[0].node.actors[1].actor.aliases", hasItem("Obama"))
                .body("data.facts.edges[0].node.topics.id", equalTo(List.of("summit-diplomacy", "china")))
                .body("data.facts.edges[0].node.sources[0].quote", equalTo(sentence))
                .body("data.facts.edges[0].node.sources[0].document.id", equalTo(documentId))
                .body("data.facts.edges[0].node.sources[0].document.title", equalTo("test document"))
                .body("data.facts.pageInfo.hasNextPage", is(true));
        String cursor = first.extract().path("data.facts.pageInfo.endCursor");
        graphql(query, Map.of("doc", documentId, "after", cursor))
                .body("data.facts.edges[0].node.id", equalTo(later))
                .body("data.facts.pageInfo.hasNextPage", is(false));
    }

    @Test
    void nestedFieldsAreBatchedNotQueriedPerItem() {
        for (int i = 0; i < 6; i++) {
            assertMeeting("2016-0" + (i + 1) + "-01", "park-geun-hye", "barack-obama", "xi-jinping");
        }
        double actorReads = reads.total("actors_by_ids");
        double topicReads = reads.total("topics_by_ids");
        double pages = reads.total("fact_pages_by_actor");
        graphql("query($doc: String!) { facts(filter: {document: $doc}, first: 20) { edges { node { "
                + "actors { actor { aliases factCount facts(first: 2) { edges { node { id } } } } } "
                + "topics { description } } } } }", Map.of("doc", documentId))
                .body("errors", nullValue())
                .body("data.facts.edges", hasSize(6));
        // 6 facts × 3 actors: one read of actor details per field level, one for their pages, one for topics
        assertThat(reads.total("actors_by_ids") - actorReads).isBetween(1.0, 2.0);
        assertThat(reads.total("fact_pages_by_actor") - pages).isEqualTo(1.0);
        assertThat(reads.total("topics_by_ids") - topicReads).isEqualTo(1.0);
    }

    @Test
    void actorViewFollowsLinksToOtherFactsActorsAndTopics() {
        assertMeeting("2015-10-16", "park-geun-hye", "barack-obama");
        graphql("{ actor(id: \"park-geun-hye\") { id name kind description factCount "
                + "coActors(first: 5) { actor { id name } count } topics { topic { id name } count } "
                + "facts(first: 5) { edges { node { actors { actor { id } } } } } } }", Map.of())
                .body("errors", nullValue())
                .body("data.actor.name", equalTo("Park Geun-hye"))
                .body("data.actor.kind", equalTo("PERSON"))
                .body("data.actor.coActors.actor.id", hasItem("barack-obama"))
                .body("data.actor.topics.topic.id", hasItem("summit-diplomacy"))
                .body("data.actor.facts.edges", notNullValue());
        graphql("{ actor(id: \"nobody\") { id } }", Map.of()).body("data.actor", nullValue()).body("errors", nullValue());
        graphql("{ actors(search: \"obama\") { edges { node { id } cursor } pageInfo { hasNextPage } } }", Map.of())
                .body("data.actors.edges.node.id", equalTo(List.of("barack-obama")));
    }

    @Test
    void topicsDocumentsAndTimelines() {
        assertMeeting("2015-10-16", "park-geun-hye", "barack-obama");
        graphql("{ topics { id name } topic(id: \"china\") { id name factCount facts(first: 1) { edges { node { id } } } } }",
                Map.of())
                .body("errors", nullValue())
                .body("data.topics.id", hasItem("north-korea-nuclear"))
                .body("data.topic.name", equalTo("China"));
        graphql("query($id: ID!) { document(id: $id) { id title text length factCount facts { edges { node { id } } } } "
                + "documents(first: 1) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }",
                Map.of("id", documentId))
                .body("errors", nullValue())
                .body("data.document.text", equalTo("A report.\n" + sentence))
                .body("data.document.factCount", equalTo(1))
                .body("data.documents.edges", hasSize(1));
        graphql("query($doc: String!) { timeline(filter: {document: $doc}, granularity: MONTH) { period count "
                + "byType { type count } } }", Map.of("doc", documentId))
                .body("data.timeline.period", equalTo(List.of("2015-10")))
                .body("data.timeline[0].byType[0].type", equalTo("MEETING"));
    }

    @Test
    void ingestsDocumentsOnceThroughGraphQL() {
        String text = Api.unique("The allies met.");
        graphql("mutation($text: String!) { ingestDocument(input: {text: $text, title: \"Wire\"}) { created facts "
                + "document { id title length } } }", Map.of("text", text))
                .body("errors", nullValue())
                .body("data.ingestDocument.created", is(true))
                .body("data.ingestDocument.document.title", equalTo("Wire"));
        graphql("mutation($text: String!) { ingestDocument(input: {text: $text}) { created } }", Map.of("text", text))
                .body("data.ingestDocument.created", is(false));
        graphql("mutation { ingestDocument(input: {text: \"   \"}) { created } }", Map.of())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        long head = Api.logHead();
        graphql("mutation($text: String!) { ingestDocument(input: {text: $text}) { created } }",
                Map.of("text", "a".repeat(2 * 1024 * 1024 + 1)))
                .body("errors[0].extensions.code", equalTo("TOO_LARGE"));
        graphql("mutation { ingestDocument(input: {text: \"one\", html: \"<p>two</p>\"}) { created } }", Map.of())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        assertThat(Api.logHead()).isEqualTo(head);
    }

    @Test
    void errorsCarryCodes() {
        long head = Api.logHead();
        graphql("{ facts(first: 500) { edges { cursor } } }", Map.of())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("between 1 and 100"));
        graphql("{ facts(after: \"not-a-cursor\") { edges { cursor } } }", Map.of())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        graphql("{ facts(filter: {document: \"not-an-id\"}) { edges { cursor } } }", Map.of())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        graphql("mutation { retractFact(id: \"0f0f0f0f-0000-4000-8000-000000000000\", expectedVersion: 1, reason: \"r\") "
                + "{ id } }", Map.of())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        graphql("mutation($doc: String!) { assertFact(input: {type: MEETING, actors: [{actor: \"nobody\", role: HOST}], "
                + "summary: \"s\", sources: [{document: $doc, quote: \"A report.\"}]}) { id } }", Map.of("doc", documentId))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("unknown actor 'nobody'"));
        graphql("{ facts { edges { node { nonsense } } } }", Map.of())
                .body("errors[0].extensions.classification", equalTo("ValidationError"));
        assertThat(Api.logHead()).isEqualTo(head);
    }

    @Test
    void refusesQueriesTooDeepOrTooCostly() {
        graphql(Api.tooDeepQuery(), Map.of()).body("data", nullValue()).body("errors[0].message", containsString("depth"));
        StringBuilder wide = new StringBuilder("{ ");
        for (int i = 0; i < 700; i++) {
            wide.append("a").append(i).append(": topic(id: \"china\") { id name factCount } ");
        }
        graphql(wide.append("}").toString(), Map.of()).body("data", nullValue())
                .body("errors[0].message", containsString("complexity"));
    }

    @Test
    void theSchemaOffersConnectionsAndFilters() {
        graphql("{ __type(name: \"FactConnection\") { fields { name } } }", Map.of())
                .body("data.__type.fields.name", org.hamcrest.Matchers.containsInAnyOrder("edges", "pageInfo", "totalCount"));
        graphql("{ __type(name: \"FactFilter\") { inputFields { name } } }", Map.of())
                .body("data.__type.inputFields.name", org.hamcrest.Matchers.containsInAnyOrder("actors", "topics", "types", "from",
                        "to", "document", "text", "includeRetracted"));
    }
}
