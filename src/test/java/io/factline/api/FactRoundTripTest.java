package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A fact read over REST can be posted back as it was served: as a new fact, or edited as a correction. */
@QuarkusTest
class FactRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }

    private static String served(String id) {
        return given().get("/api/facts/" + id).then().statusCode(200).extract().asString();
    }

    private static JsonNode postedBack(String body) {
        return read(Api.writer().contentType(ContentType.JSON).body(body).post("/api/facts")
                .then().statusCode(201).extract().asString());
    }

    /** What a fact says, without what the server keeps about it (id, version, history, extraction…). */
    private static ObjectNode content(JsonNode fact) {
        ObjectNode content = JSON.createObjectNode();
        for (String field : List.of("type", "date", "summary", "actors", "topics")) {
            content.set(field, fact.get(field));
        }
        List<JsonNode> passages = new ArrayList<>();
        fact.get("sources").forEach(s -> passages.add(JSON.createObjectNode().put("document", s.get("document").get("id").asText())
                .put("quote", s.get("quote").asText()).put("start", s.get("start").asInt()).put("end", s.get("end").asInt())));
        content.set("sources", JSON.valueToTree(passages));
        return content;
    }

    @Test
    void extractedFactsOfTheSeedPostBackUnchangedAsTheSameFacts() {
        JsonNode page = read(given().queryParam("limit", 100).get("/api/documents/" + Api.seedDocument() + "/facts")
                .then().statusCode(200).extract().asString());
        // one fact of each shape (type, precision, a target or not, topics or not): every fact would take long
        Map<String, String> byShape = new LinkedHashMap<>();
        page.get("items").forEach(f -> {
            if (f.get("origin").asText().equals("EXTRACTED")) {
                String shape = f.get("type").asText() + " " + f.get("date").get("precision").asText() + " "
                        + f.get("extraction").get("target").isNull() + " " + f.get("topics").isEmpty();
                byShape.putIfAbsent(shape, f.get("id").asText());
            }
        });
        System.out.println("[round trip] extracted facts by shape: " + byShape.keySet());
        assertThat(byShape).hasSizeGreaterThan(4);
        boolean sawTarget = false;
        for (String id : byShape.values()) {
            String body = served(id);
            JsonNode old = read(body);
            sawTarget |= !old.get("extraction").get("target").isNull();
            JsonNode copy = postedBack(body);

            assertThat(content(copy)).as(body).isEqualTo(content(old));
            assertThat(copy.get("id").asText()).isNotEqualTo(id);
            assertThat(copy.get("origin").asText()).isEqualTo("ASSERTED");
            assertThat(copy.get("version").asInt()).isEqualTo(1);
            assertThat(copy.get("extraction").isNull()).isTrue();
            for (int i = 0; i < old.get("sources").size(); i++) {
                assertThat(copy.get("sources").get(i).get("confidence")).as("a passage keeps its confidence")
                        .isEqualTo(old.get("sources").get(i).get("confidence"));
            }
        }
        assertThat(sawTarget).as("some fact has an extraction target, which is ignored").isTrue();
    }

    @Test
    void aCuratedFactPostsBackAsANewFactAndAnIdIsKeptOnlyWhenTheClientChoseIt() {
        String id = Api.assertedFact();
        String body = served(id);
        JsonNode copy = postedBack(body);
        assertThat(content(copy)).isEqualTo(content(read(body)));
        assertThat(copy.get("id").asText()).isNotEqualTo(id);

        // without a version it is no fact read back: the id is the client's choice again
        ObjectNode chosen = (ObjectNode) read(body);
        chosen.remove("version");
        String mine = UUID.randomUUID().toString();
        chosen.put("id", mine);
        assertThat(postedBack(chosen.toString()).get("id").asText()).isEqualTo(mine);
        Api.writer().contentType(ContentType.JSON).body(chosen.toString()).post("/api/facts").then().statusCode(409);
    }

    @Test
    void aFactReadThenEditedPostsBackAsACorrection() {
        String id = Api.assertedFact();
        ObjectNode edited = (ObjectNode) read(served(id));
        edited.put("summary", "Moon and Biden reaffirmed denuclearization in Washington.");
        edited.set("date", read("{\"start\": \"2021-05-21\", \"end\": \"2021-05-21\", \"precision\": \"DAY\", \"text\": \"May 21\"}"));
        edited.put("reason", "the day is known");

        JsonNode corrected = read(Api.writer().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(edited.toString())
                .post("/api/facts/" + id + "/corrections").then().statusCode(200).extract().asString());
        assertThat(corrected.get("version").asInt()).isEqualTo(2);
        assertThat(corrected.get("id").asText()).isEqualTo(id);
        edited.remove("reason");
        assertThat(content(corrected)).isEqualTo(content(edited));
        assertThat(corrected.get("history").get(1).get("reason").asText()).isEqualTo("the day is known");
    }

    @Test
    void enumValuesAndServedDatesAreReadInAnyCase() {
        String sentence = Api.unique("President Biden hosted President Moon at the White House.");
        String document = Api.ingest("Report.\n" + sentence);
        String body = """
                {"type": "meeting", "date": {"value": "2021-05-21", "precision": "month"}, "summary": "Biden hosted Moon.",
                 "actors": [{"actor": "joe-biden", "role": "host"}, {"actor": {"id": "moon-jae-in"}, "role": "visitor"}],
                 "topics": ["alliance", {"id": "trade"}], "sources": [{"document": "%s", "quote": "%s"}]}""";
        Api.writer().contentType(ContentType.JSON).body(body.formatted(document, sentence)).post("/api/facts").then().statusCode(201)
                .body("type", equalTo("MEETING"))
                .body("date.precision", equalTo("MONTH"))
                .body("date.start", equalTo("2021-05-01"))
                .body("actors.role", equalTo(List.of("HOST", "VISITOR")))
                .body("topics.id", equalTo(List.of("alliance", "trade")));

        String served = body.replace("{\"value\": \"2021-05-21\", \"precision\": \"month\"}",
                "{\"start\": \"2021-01-01\", \"end\": \"2021-12-31\", \"precision\": \"year\"}");
        Api.writer().contentType(ContentType.JSON).body(served.formatted(document, sentence)).post("/api/facts").then().statusCode(201)
                .body("date.precision", equalTo("YEAR")).body("date.end", equalTo("2021-12-31"));
        String undated = body.replace("{\"value\": \"2021-05-21\", \"precision\": \"month\"}",
                "{\"start\": null, \"end\": null, \"precision\": \"unknown\", \"text\": \"once\"}");
        Api.writer().contentType(ContentType.JSON).body(undated.formatted(document, sentence)).post("/api/facts").then().statusCode(201)
                .body("date.precision", equalTo("UNKNOWN")).body("date.text", equalTo("once"));
    }

    @Test
    void aServedDateThatIsNotItsPrecisionsIntervalIsNamed() {
        ObjectNode fact = (ObjectNode) read(served(Api.assertedFact()));
        fact.set("date", read("{\"start\": \"2021-05-01\", \"end\": \"2021-05-30\", \"precision\": \"MONTH\"}"));
        long head = Api.logHead();
        Api.writer().contentType(ContentType.JSON).body(fact.toString()).post("/api/facts").then().statusCode(422)
                .body("detail", containsString("start 2021-05-01 and end 2021-05-30 do not match precision MONTH, "
                        + "which gives 2021-05-01..2021-05-31"));
        fact.set("date", read("{\"value\": \"2021-05\", \"start\": \"2021-05-01\", \"end\": \"2021-05-31\"}"));
        Api.writer().contentType(ContentType.JSON).body(fact.toString()).post("/api/facts").then().statusCode(422)
                .body("detail", containsString("give either value (such as 2021-05) or start and end"));
        assertThat(Api.logHead()).isEqualTo(head);
    }

    @Test
    void theOpenApiDocumentSaysWhatIsIgnored() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.FactBody.description", containsString("accepted and ignored"))
                .body("components.schemas.CorrectionBody.description", containsString("ignored"))
                .body("components.schemas.DateBody.description", containsString("start and end must be exactly"));
    }
}
