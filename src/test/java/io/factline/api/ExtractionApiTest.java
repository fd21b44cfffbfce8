package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.factline.evaluation.GoldScorer;
import io.factline.extract.RuleBasedExtractor;
import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Extraction end to end: documents in over REST, facts out over REST and GraphQL, scored against the gold. */
@QuarkusTest
class ExtractionApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    private static String seedId() {
        return given().queryParam("limit", 100).get("/api/documents").then().statusCode(200)
                .extract().path("items.find { it.title == 'Korea - US Relations' }.id");
    }

    private static List<JsonNode> facts(String documentId) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page = JSON.readTree(request.get("/api/documents/" + documentId + "/facts").then().statusCode(200)
                    .extract().asString());
            // the extractor's facts only: other tests may assert curated facts on the seed
            page.get("items").forEach(fact -> {
                if (fact.path("origin").asText().equals("EXTRACTED")) {
                    all.add(fact);
                }
            });
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText(null);
        } while (cursor != null);
        return all;
    }

    @Test
    void theSeedsFactsOverRestScoreAtLeastTheBarAndScorePyAgrees() throws Exception {
        String text = Files.readString(Path.of("seeds", "korea-us-relations.txt"), StandardCharsets.UTF_8);
        List<JsonNode> facts = facts(seedId());

        GoldScorer.Score score = GoldScorer.fromResource("eval/dev/gold/seed-korea-us-relations.json").score(text, facts);
        System.out.println("[factline evaluation] seed over REST: " + score);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.85);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.85);

        for (JsonNode f : facts) {
            JsonNode source = f.get("sources").get(0);
            assertThat(text.substring(source.get("start").asInt(), source.get("end").asInt()))
                    .isEqualTo(source.get("quote").asText());
            assertThat(source.get("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(f.get("actors").size()).isPositive();
            f.get("actors").forEach(a -> assertThat(a.get("role").asText()).isNotBlank());
            assertThat(f.get("date").get("precision").asText()).isIn("DAY", "MONTH", "YEAR", "UNKNOWN");
            assertThat(f.get("extraction").get("extractorVersion").asText()).endsWith(RuleBasedExtractor.VERSION);
            assertThat(f.get("extraction").get("cameo").asText()).matches("\\d{3}");
        }

        Path python = Path.of("/usr/bin/python3");
        if (Files.isExecutable(python)) { // the build's scorer and the reference script must agree
            Path factsFile = Files.createTempFile("factline-seed-facts", ".json");
            Files.writeString(factsFile, JSON.writeValueAsString(facts));
            Process p = new ProcessBuilder(python.toString(), "src/test/resources/eval/score.py",
                    "src/test/resources/eval/dev/gold/seed-korea-us-relations.json", "seeds/korea-us-relations.txt",
                    factsFile.toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            JsonNode reference = JSON.readTree(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(reference.get("precision").asDouble()).isEqualTo(Math.round(score.precision() * 1000) / 1000.0);
            assertThat(reference.get("recall").asDouble()).isEqualTo(Math.round(score.recall() * 1000) / 1000.0);
        }
    }

    @Test
    void anUnseenReadoutYieldsSourcedFactsWithCodes() throws Exception {
        String text = Api.unique("Readout of a meeting\n\nMarch 3, 2023\n\n"
                + "Secretary of State Antony Blinken met Foreign Minister Park Jin in Washington on Friday. "
                + "The two sides agreed to deepen trilateral cooperation with Japan. "
                + "Blinken said the alliance had never been stronger.");
        String id = Api.ingest(text, "an unseen readout");
        List<JsonNode> facts = facts(id);
        assertThat(facts).extracting(f -> f.get("type").asText()).contains("MEETING", "AGREEMENT", "STATEMENT");
        JsonNode meeting = facts.stream().filter(f -> f.get("type").asText().equals("MEETING")).findFirst().orElseThrow();
        assertThat(meeting.get("date").get("start").asText()).isEqualTo("2023-03-03"); // "on Friday" from the dated header
        assertThat(meeting.get("actors").findValuesAsText("id")).contains("antony-blinken", "park-jin");
        assertThat(meeting.get("extraction").get("plover").asText()).isEqualTo("CONSULT:meet");
        JsonNode statement = facts.stream().filter(f -> f.get("type").asText().equals("STATEMENT")).findFirst().orElseThrow();
        assertThat(statement.get("actors").get(0).get("role").asText()).isEqualTo("SPEAKER");
        assertThat(statement.get("actors").get(0).get("actor").get("id").asText()).isEqualTo("antony-blinken");

        Api.writer().contentType(ContentType.JSON)
                .body("{\"query\":\"{ facts(filter:{document:\\\"" + id + "\\\", types:[MEETING]}) { edges { node { "
                        + "extraction { extractorVersion cameo plover } } } } }\"}")
                .post("/graphql").then().statusCode(200)
                .body("data.facts.edges.node.extraction.cameo", hasItem("040"))
                .body("data.facts.edges[0].node.extraction.extractorVersion", endsWith(RuleBasedExtractor.VERSION));
    }

    @Test
    void textWithNoFactsIsStoredWithNone() throws Exception {
        for (String text : List.of(
                Api.unique("Join the GlobalSecurity.org mailing list\n\nPage last modified: 24-06-2021 17:49:34 ZULU"),
                Api.unique("대한민국과 미국은 2023년 4월 26일 워싱턴 선언을 채택했다."),
                Api.unique("The weather was mild and the markets were calm."))) {
            long before = Api.queryLong("select count(*) from event");
            String id = Api.ingest(text, "no facts here");
            assertThat(facts(id)).isEmpty();
            assertThat(Api.queryLong("select count(*) from event")).isEqualTo(before + 1); // the document alone
        }
    }
}
