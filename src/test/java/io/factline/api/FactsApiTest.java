package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class FactsApiTest {

    private String documentId;
    private String sentence;

    @BeforeEach
    void document() {
        Api.awaitReady();
        sentence = Api.unique("President Moon and President Biden agreed on a joint statement in Washington.");
        documentId = Api.ingest("Preamble.\n" + sentence + "\nEnd.");
    }

    private Map<String, Object> fact(String type, String date, List<Map<String, String>> actors, List<String> topics) {
        Map<String, Object> fact = new HashMap<>();
        fact.put("type", type);
        fact.put("date", Map.of("value", date));
        fact.put("actors", actors);
        fact.put("topics", topics);
        fact.put("summary", "Moon and Biden agreed on a joint statement.");
        fact.put("sources", List.of(Map.of("document", documentId, "quote", sentence)));
        return fact;
    }

    private static Map<String, String> actor(String id, String role) {
        return Map.of("actor", id, "role", role);
    }

    private Response assertFact(Map<String, Object> fact) {
        return Api.writer().contentType(ContentType.JSON).body(fact).post("/api/facts");
    }

    private String asserted(String type, String date, String... actorIds) {
        List<Map<String, String>> actors = new ArrayList<>();
        for (String id : actorIds) {
            actors.add(actor(id, "PARTY"));
        }
        return assertFact(fact(type, date, actors, List.of("alliance"))).then().statusCode(201).extract().path("id");
    }

    @Test
    void assertsAFactWithItsSourceAndServesItEverywhere() {
        Response created = assertFact(fact("AGREEMENT", "2021-05", List.of(actor("moon-jae-in", "PARTY"),
                actor("joe-biden", "PARTY")), List.of("alliance", "north-korea-nuclear")));
        created.then().statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", endsWith("/api/facts/" + created.path("id")))
                .body("origin", equalTo("ASSERTED"))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1))
                .body("date.start", equalTo("2021-05-01"))
                .body("date.end", equalTo("2021-05-31"))
                .body("date.precision", equalTo("MONTH"))
                .body("actors.actor.name", equalTo(List.of("Moon Jae-in", "Joe Biden")))
                .body("topics.id", equalTo(List.of("alliance", "north-korea-nuclear")))
                .body("sources[0].quote", equalTo(sentence))
                .body("sources[0].start", equalTo("Preamble.\n".length()))
                .body("sources[0].end", equalTo("Preamble.\n".length() + sentence.length()))
                .body("sources[0].document.title", equalTo("test document"))
                .body("history[0].type", equalTo("FactAsserted"))
                .body("history[0].by", equalTo("test-writer"));
        String id = created.path("id");

        given().get("/api/facts/" + id).then().statusCode(200).header("ETag", "\"1\"").body("id", equalTo(id));
        given().header("If-None-Match", "\"1\"").get("/api/facts/" + id).then().statusCode(304);
        given().queryParam("actor", "moon-jae-in").queryParam("document", documentId).get("/api/facts").then()
                .body("items.id", equalTo(List.of(id)));
        given().queryParam("document", documentId).get("/api/actors/joe-biden/facts").then().body("items.id", equalTo(List.of(id)));
        given().queryParam("document", documentId).get("/api/topics/north-korea-nuclear/facts").then()
                .body("items.id", equalTo(List.of(id)));
        given().get("/api/documents/" + documentId + "/facts").then().body("items.id", equalTo(List.of(id)));
    }

    @Test
    void correctionsNeedTheCurrentVersionAndKeepHistory() {
        String id = asserted("STATEMENT", "2021-05-21", "joe-biden");
        Api.writer().contentType(ContentType.JSON).body(Map.of("summary", "changed")).post("/api/facts/" + id + "/corrections")
                .then().statusCode(428).contentType("application/problem+json");

        Api.writer().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("type", "AGREEMENT", "actors", List.of(actor("joe-biden", "PARTY"), actor("moon-jae-in", "PARTY")),
                        "reason", "two parties committed"))
                .post("/api/facts/" + id + "/corrections").then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("type", equalTo("AGREEMENT"))
                .body("summary", equalTo("Moon and Biden agreed on a joint statement."))
                .body("actors.actor.id", equalTo(List.of("joe-biden", "moon-jae-in")))
                .body("history.type", equalTo(List.of("FactAsserted", "FactCorrected")))
                .body("history[1].reason", equalTo("two parties committed"));

        long head = Api.logHead();
        Api.writer().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("summary", "stale"))
                .post("/api/facts/" + id + "/corrections").then().statusCode(412)
                .body("type", equalTo("/problems/stale-version"))
                .body("currentVersion", equalTo(2));
        Api.writer().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("reason", "nothing"))
                .post("/api/facts/" + id + "/corrections").then().statusCode(422);
        Api.writer().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("actors", List.of()))
                .post("/api/facts/" + id + "/corrections").then().statusCode(422);
        Api.writer().contentType(ContentType.JSON).header("If-Match", "two").body(Map.of("summary", "x"))
                .post("/api/facts/" + id + "/corrections").then().statusCode(400).body("type", equalTo("/problems/malformed-request"));
        assertThat(Api.logHead()).isEqualTo(head);

        given().get("/api/facts/" + id + "/history").then().statusCode(200)
                .body("version", equalTo(2))
                .body("items.version", equalTo(List.of(1, 2)));
    }

    @Test
    void aRetractedFactStaysReadableButLeavesTheViews() {
        String id = asserted("MEETING", "2015-10-16", "barack-obama", "park-geun-hye");
        Api.writer().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of())
                .post("/api/facts/" + id + "/retraction").then().statusCode(422).body("detail", containsString("reason"));

        Api.writer().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("reason", "duplicate of another fact"))
                .post("/api/facts/" + id + "/retraction").then().statusCode(200)
                .body("status", equalTo("RETRACTED"))
                .body("retractionReason", equalTo("duplicate of another fact"))
                .body("version", equalTo(2));

        given().get("/api/facts/" + id).then().statusCode(200).body("status", equalTo("RETRACTED"))
                .body("history.type", equalTo(List.of("FactAsserted", "FactRetracted")));
        given().queryParam("document", documentId).get("/api/facts").then().body("items", empty());
        given().queryParam("document", documentId).queryParam("includeRetracted", true).get("/api/facts").then()
                .body("items.id", equalTo(List.of(id)));

        long head = Api.logHead();
        Api.writer().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("reason", "again"))
                .post("/api/facts/" + id + "/retraction").then().statusCode(409).body("type", equalTo("/problems/conflict"));
        Api.writer().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("summary", "revive"))
                .post("/api/facts/" + id + "/corrections").then().statusCode(409);
        assertThat(Api.logHead()).isEqualTo(head);
    }

    @Test
    void ifMatchStarMeansWhateverIsCurrent() {
        String id = asserted("STATEMENT", "2020", "donald-trump");
        Api.writer().contentType(ContentType.JSON).header("If-Match", "*").body(Map.of("summary", "Trump spoke."))
                .post("/api/facts/" + id + "/corrections").then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void refusesInvalidFactsAndWritesNothing() {
        long head = Api.logHead();
        Map<String, Object> valid = fact("MEETING", "2021-05-21", List.of(actor("joe-biden", "HOST")), List.of());

        invalid(with(valid, "type", null), "type is required");
        invalid(with(valid, "type", "GOSSIP"), "GOSSIP");
        invalid(with(valid, "date", Map.of("value", "2021-13-40")), "date");
        invalid(with(valid, "date", Map.of("value", "2021", "precision", "DAY")), "not precise");
        invalid(with(valid, "actors", List.of()), "at least one actor");
        invalid(with(valid, "actors", List.of(actor("nobody-at-all", "HOST"))), "unknown actor 'nobody-at-all'");
        invalid(with(valid, "actors", List.of(Map.of("actor", "joe-biden", "role", "KING"))), "KING");
        invalid(with(valid, "topics", List.of("gardening")), "unknown topic 'gardening'");
        invalid(with(valid, "summary", " "), "summary is required");
        invalid(with(valid, "summary", "x".repeat(2001)), "at most 2000");
        invalid(with(valid, "summary", "a NUL \u0000 inside"), "control character");
        invalid(with(valid, "note", "bell \u0007"), "control character");
        invalid(with(valid, "actors", List.of(actor("joe-biden\u0000", "HOST"))), "control character");
        invalid(with(valid, "id", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "version 4");
        invalid(with(valid, "sources", List.of()), "at least one passage");
        invalid(with(valid, "sources", List.of(Map.of("document", "9b2f4c1e-0000-4000-8000-000000000000", "quote", "x"))),
                "no document");
        invalid(with(valid, "sources", List.of(Map.of("document", documentId, "quote", "words not in it"))), "not in the document");
        invalid(with(valid, "sources", List.of(Map.of("document", documentId, "start", 0, "end", 100000))), "outside");
        invalid(with(valid, "sources", List.of(Map.of("document", documentId, "start", 0, "end", 3, "quote", "Xyz"))),
                "not the text between");
        invalid(with(valid, "sources", List.of(Map.of("document", documentId, "quote", sentence, "confidence", 1.5))),
                "confidence");

        Api.writer().contentType(ContentType.JSON).body("{\"type\": ").post("/api/facts").then().statusCode(400)
                .contentType("application/problem+json");
        Api.writer().contentType(ContentType.TEXT).body("MEETING").post("/api/facts").then().statusCode(415);
        assertThat(Api.logHead()).isEqualTo(head);
    }

    @Test
    void aFactIdGivenByTheClientMakesRetriesSafe() {
        Map<String, Object> fact = fact("STATEMENT", "2021", List.of(actor("moon-jae-in", "SPEAKER")), List.of());
        fact.put("id", java.util.UUID.randomUUID().toString());
        assertFact(fact).then().statusCode(201).body("id", equalTo(fact.get("id")));
        long head = Api.logHead();
        assertFact(fact).then().statusCode(409);
        assertThat(Api.logHead()).isEqualTo(head);
    }

    @Test
    void filtersCombineAndPagesFollowDateThenId() {
        String a = asserted("MEETING", "2004-03-01", "south-korea", "united-states");
        String b = asserted("AGREEMENT", "2004", "south-korea", "united-states");
        String c = asserted("AGREEMENT", "2007-06-30", "south-korea", "united-states", "george-w-bush");
        String d = asserted("STATEMENT", "2007-06", "south-korea");
        Map<String, Object> undatedFact = fact("STATEMENT", "2000", List.of(actor("united-states", "SPEAKER")), List.of("trade"));
        undatedFact.put("date", Map.of());
        String e = assertFact(undatedFact).then().statusCode(201).body("date.precision", equalTo("UNKNOWN"))
                .body("date.start", nullValue()).extract().path("id");

        // b (2004, YEAR) starts 2004-01-01, before a (2004-03-01); undated facts come last
        assertThat(ids(Map.of("document", documentId))).containsExactly(b, a, d, c, e);
        assertThat(ids(Map.of("document", documentId, "actor", List.of("south-korea", "united-states"))))
                .containsExactly(b, a, c);
        assertThat(ids(Map.of("document", documentId, "actor", List.of("south-korea", "united-states"), "type", "AGREEMENT")))
                .containsExactly(b, c);
        assertThat(ids(Map.of("document", documentId, "type", List.of("MEETING", "STATEMENT")))).containsExactly(a, d, e);
        assertThat(ids(Map.of("document", documentId, "from", "2004-02-01"))).containsExactly(a, d, c);
        assertThat(ids(Map.of("document", documentId, "to", "2004-12-31"))).containsExactly(b, a);
        assertThat(ids(Map.of("document", documentId, "from", "2007-06-01", "to", "2007-06-30"))).containsExactly(d, c);
        assertThat(ids(Map.of("document", documentId, "topic", "trade"))).containsExactly(e);
        assertThat(ids(Map.of("actor", "george-w-bush", "document", documentId))).containsExactly(c);

        // pages of two, following nextCursor, give the same order without repeats
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("document", documentId).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/facts");
            page.then().statusCode(200);
            paged.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactly(b, a, d, c, e);
    }

    @Test
    void searchesTheWordsOfSummariesAndQuotes() {
        String id = asserted("AGREEMENT", "2021-06", "south-korea");
        given().queryParam("q", "joint statement").queryParam("document", documentId).get("/api/facts").then()
                .body("items.id", equalTo(List.of(id)));
        given().queryParam("q", "submarine").queryParam("document", documentId).get("/api/facts").then()
                .body("items", empty());
        given().queryParam("q", "washington").queryParam("document", documentId).get("/api/facts").then()
                .body("items.id", equalTo(List.of(id)));
    }

    @Test
    void badQueryParametersAreClearErrors() {
        given().queryParam("limit", "ten").get("/api/facts").then().statusCode(400);
        given().queryParam("limit", 101).get("/api/facts").then().statusCode(422);
        given().queryParam("cursor", "bm90IGEgY3Vyc29y").get("/api/facts").then().statusCode(400);
        given().queryParam("type", "RUMOUR").get("/api/facts").then().statusCode(422);
        given().queryParam("from", "2021-02-30").get("/api/facts").then().statusCode(400);
        given().queryParam("from", "2022-01-01").queryParam("to", "2021-01-01").get("/api/facts").then().statusCode(422);
        given().queryParam("document", "doc-1").get("/api/facts").then().statusCode(400);
        given().queryParam("includeRetracted", "maybe").get("/api/facts").then().statusCode(400);
        given().queryParam("q", "x".repeat(201)).get("/api/facts").then().statusCode(422);
        given().queryParam("actor", "joe-biden\u0000").get("/api/facts").then().statusCode(422);
        given().queryParam("q", "nul \u0000").get("/api/facts").then().statusCode(422);
        given().get("/api/actors/joe%00biden").then().statusCode(404);
        given().get("/api/topics/al%00liance/facts").then().statusCode(404);
        given().get("/api/facts/123").then().statusCode(404).body("type", equalTo("/problems/not-found"));
        given().get("/api/facts/6a1f0000-0000-4000-8000-000000000000/history").then().statusCode(404);
        given().get("/api/actors/no-such-actor/facts").then().statusCode(404);
        given().get("/api/topics/no-such-topic").then().statusCode(404);
        Api.writer().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("reason", "r"))
                .post("/api/facts/6a1f0000-0000-4000-8000-000000000000/retraction").then().statusCode(404);
    }

    @Test
    void actorsAndTopicsAreServedWithCounts() {
        asserted("MEETING", "2018-06-12", "donald-trump", "kim-jong-un");
        given().get("/api/actors/south-korea").then().statusCode(200)
                .body("name", equalTo("South Korea"))
                .body("kind", equalTo("STATE"))
                .body("wikidataId", equalTo("Q884"))
                .body("aliases", org.hamcrest.Matchers.hasItems("ROK", "R.O.K.", "Seoul"));
        given().queryParam("q", "r.o.k").get("/api/actors").then().statusCode(200).body("items.id", equalTo(List.of("south-korea")));
        given().queryParam("q", "kim").queryParam("limit", 2).get("/api/actors").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue());
        int kim = given().get("/api/actors/kim-jong-un").then().extract().path("factCount");
        assertThat(kim).isPositive();
        given().get("/api/topics").then().statusCode(200).body("items.find { it.id == 'alliance' }.factCount",
                org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void timelinesCountFactsPerPeriodAtTheirPrecision() {
        asserted("MEETING", "2011-03-02", "south-korea");
        asserted("AGREEMENT", "2011-03", "south-korea");
        asserted("STATEMENT", "2011", "south-korea");
        asserted("MEETING", "2012-07-01", "south-korea");

        Response years = given().queryParam("document", documentId).get("/api/timeline");
        years.then().statusCode(200).body("granularity", equalTo("YEAR"))
                .body("periods.period", equalTo(List.of("2011", "2012")))
                .body("periods.count", equalTo(List.of(3, 1)))
                .body("periods[0].byType.type", equalTo(List.of("AGREEMENT", "MEETING", "STATEMENT")));
        given().queryParam("document", documentId).queryParam("granularity", "month").get("/api/timeline").then()
                .body("periods.period", equalTo(List.of("2011-03", "2012-07")))
                .body("periods.count", equalTo(List.of(2, 1)));
        given().queryParam("granularity", "decade").get("/api/timeline").then().statusCode(422);
    }

    @Test
    void precomputedTimelinesAgreeWithCountingTheFacts() {
        asserted("MEETING", "1994-10-21", "north-korea", "united-states");
        asserted("AGREEMENT", "1994-10", "north-korea", "united-states");
        for (String granularity : List.of("YEAR", "MONTH")) {
            for (String actor : List.of("north-korea", "united-states")) {
                // a single actor is served from timeline_count; adding text search forces counting the facts
                List<Map<String, Object>> counted = given().queryParam("actor", actor).queryParam("granularity", granularity)
                        .get("/api/timeline").then().statusCode(200).extract().path("periods");
                List<Map<String, Object>> recounted = given().queryParam("actor", actor).queryParam("granularity", granularity)
                        .queryParam("to", "2999-12-30").get("/api/timeline").then().statusCode(200).extract().path("periods");
                assertThat(counted).isNotEmpty().isEqualTo(recounted);
            }
        }
    }

    private List<String> ids(Map<String, Object> params) {
        var request = given().queryParam("limit", 100);
        params.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                list.forEach(item -> request.queryParam(k, item));
            } else {
                request.queryParam(k, v);
            }
        });
        return request.get("/api/facts").then().statusCode(200).extract().path("items.id");
    }

    private static Map<String, Object> with(Map<String, Object> fact, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(fact);
        copy.put(key, value);
        return copy;
    }

    private void invalid(Map<String, Object> fact, String detail) {
        assertFact(fact).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-value"))
                .body("detail", containsString(detail));
    }
}
