package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.factline.domain.DatePrecision;
import io.factline.domain.DomainEvent.DocumentIngested;
import io.factline.domain.DomainEvent.FactExtracted;
import io.factline.domain.EventMetadata;
import io.factline.domain.Extraction;
import io.factline.domain.FactActor;
import io.factline.domain.FactContent;
import io.factline.domain.FactDate;
import io.factline.domain.FactType;
import io.factline.domain.Role;
import io.factline.domain.SourceRef;
import io.factline.eventstore.ExpectedVersion;
import io.factline.extract.RuleBasedExtractor;
import io.factline.ingest.DocumentIngestion;
import io.factline.log.EventLog;
import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A log written by the previous release — a joint statement and the facts factline-rules-1 extracted
 * from it, as that extractor produced them (eval/previous/) — moved to the current extractor by
 * {@code POST /api/admin/reextract}: what it no longer finds is superseded, what it finds anew is
 * added (with the actors it discovered registered), a corrected and an asserted fact are untouched,
 * and a second run appends nothing.
 */
@QuarkusTest
class ReextractionAcrossVersionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventLog log;

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void reextractionMovesADocumentFromThePreviousExtractorToTheCurrentOne() throws Exception {
        String raw = Files.readString(Path.of("src/test/resources/eval/dev/docs/state-trilateral-new-york-2026.txt"));
        String text = raw.substring(raw.indexOf('\n') + 2);
        UUID documentId = DocumentIngestion.documentId(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))));
        JsonNode previous;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("eval/previous/rules-1-state-trilateral-new-york-2026.json")) {
            previous = JSON.readTree(in);
        }
        String oldVersion = previous.get("extractorVersion").asText();
        assertThat(oldVersion).isEqualTo("factline-rules-1").isNotEqualTo(RuleBasedExtractor.VERSION);

        List<EventLog.Change> changes = new ArrayList<>();
        changes.add(EventLog.Change.of(ExpectedVersion.NO_STREAM, new DocumentIngested(documentId, "previous-release",
                "text/plain", "Joint Statement from the Trilateral Meeting in New York City", null, null, null, null, text)));
        List<UUID> oldFacts = new ArrayList<>();
        for (JsonNode d : previous.get("drafts")) {
            UUID id = UUID.randomUUID();
            oldFacts.add(id);
            changes.add(EventLog.Change.of(ExpectedVersion.NO_STREAM, new FactExtracted(id, documentId, oldVersion, content(d, documentId, text, oldVersion))));
        }
        log.append(new EventMetadata("system:seed", "test", UUID.randomUUID().toString()), changes.toArray(EventLog.Change[]::new))
                .await().atMost(Duration.ofSeconds(10));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                given().get("/api/facts/" + oldFacts.get(oldFacts.size() - 1)).statusCode() == 200);

        // a curator corrected one of the old facts and asserted another on the same document: both stay as they are
        UUID corrected = oldFacts.get(0);
        Api.writer().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("summary", "The three ministers met in New York.", "reason", "clearer summary"))
                .post("/api/facts/" + corrected + "/corrections").then().statusCode(200);
        String quote = "They emphasized the importance of maintaining peace and stability across the Taiwan Strait.";
        String asserted = Api.writer().contentType(ContentType.JSON).body(Map.of("type", "STATEMENT",
                        "date", Map.of("value", "2026-09-21"), "actors", List.of(Map.of("actor", "japan", "role", "SPEAKER")),
                        "summary", "A curator's reading.", "sources", List.of(Map.of("document", documentId.toString(), "quote", quote))))
                .post("/api/facts").then().statusCode(201).extract().path("id");

        var report = Api.writer().queryParam("document", documentId.toString()).post("/api/admin/reextract").then().statusCode(200)
                .body("extractorVersion", endsWith(RuleBasedExtractor.VERSION)) // the test application wraps it with its markers
                .body("documents", equalTo(1))
                .body("superseded", greaterThan(0))
                .body("unchanged", greaterThan(0)) // the curated facts stand for the drafts at their passages
                .extract().jsonPath();
        assertThat(report.getInt("added") + report.getInt("corroborated")).isGreaterThan(report.getInt("superseded"));

        given().get("/api/facts/" + corrected).then().statusCode(200).body("status", equalTo("ACTIVE")).body("version", equalTo(2));
        given().get("/api/facts/" + asserted).then().statusCode(200).body("status", equalTo("ACTIVE")).body("version", equalTo(1));
        int retracted = 0;
        for (UUID id : oldFacts.subList(1, oldFacts.size())) {
            JsonNode fact = JSON.readTree(given().get("/api/facts/" + id).then().statusCode(200).extract().asString());
            if (fact.get("status").asText().equals("RETRACTED")) {
                retracted++;
                assertThat(fact.get("retractionReason").asText()).contains(RuleBasedExtractor.VERSION);
            }
        }
        assertThat(retracted).isEqualTo(report.getInt("superseded"));
        // what the document now yields comes from the current extractor, with the ministers it discovered
        JsonNode active = JSON.readTree(given().queryParam("limit", 100).get("/api/documents/" + documentId + "/facts")
                .then().statusCode(200).extract().asString()).get("items");
        long current = 0;
        for (JsonNode f : active) {
            String version = f.path("extraction").path("extractorVersion").asText("");
            assertThat(version.endsWith(RuleBasedExtractor.VERSION) || version.equals(oldVersion) || version.isEmpty()).isTrue();
            current += version.endsWith(RuleBasedExtractor.VERSION) ? 1 : 0;
        }
        assertThat(current).isGreaterThan(oldFacts.size());
        given().get("/api/actors/cho-hyun").then().statusCode(200)
                .body("discovered", equalTo(true))
                .body("actsFor", equalTo("south-korea"))
                .body("mention.document", equalTo(documentId.toString()))
                .body("mention.text", containsString("Cho Hyun"));
        Api.writer().contentType(ContentType.JSON)
                .body("{\"query\":\"{ actor(id: \\\"cho-hyun\\\") { name kind discovered actsFor { id name } "
                        + "mention { document { id title } text start end } } }\"}")
                .post("/graphql").then().statusCode(200)
                .body("data.actor.kind", equalTo("PERSON"))
                .body("data.actor.discovered", equalTo(true))
                .body("data.actor.actsFor.id", equalTo("south-korea"))
                .body("data.actor.mention.document.id", equalTo(documentId.toString()))
                .body("data.actor.mention.text", equalTo(text.substring(
                        given().get("/api/actors/cho-hyun").then().extract().<Integer>path("mention.start"),
                        given().get("/api/actors/cho-hyun").then().extract().<Integer>path("mention.end"))));
        given().get("/api/actors/south-korea").then().statusCode(200).body("discovered", equalTo(false));

        // a second run over every document finds nothing left to record
        Api.writer().post("/api/admin/reextract").then().statusCode(200);
        long before = Api.queryLong("select count(*) from event");
        Api.writer().post("/api/admin/reextract").then().statusCode(200)
                .body("added", equalTo(0)).body("superseded", equalTo(0)).body("corroborated", equalTo(0));
        assertThat(Api.queryLong("select count(*) from event")).isEqualTo(before);
    }

    private static FactContent content(JsonNode d, UUID documentId, String text, String version) {
        DatePrecision precision = DatePrecision.valueOf(d.get("precision").asText());
        FactDate date = precision == DatePrecision.UNKNOWN ? FactDate.unknown(null)
                : FactDate.parse(d.get("date").asText(), precision, d.path("dateText").asText(null));
        List<FactActor> actors = new ArrayList<>();
        d.get("actors").forEach(a -> actors.add(new FactActor(a.get("actorId").asText(), Role.valueOf(a.get("role").asText()))));
        List<String> topics = new ArrayList<>();
        d.get("topics").forEach(t -> topics.add(t.asText()));
        int start = d.get("start").asInt();
        int end = d.get("end").asInt();
        return new FactContent(FactType.valueOf(d.get("type").asText()), date, actors, topics, d.get("summary").asText(),
                List.of(new SourceRef(documentId, text.substring(start, end), start, end, d.get("confidence").asDouble())),
                new Extraction(version, d.get("cameo").asText(null), d.path("plover").asText(null), null));
    }
}
