package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import io.factline.ingest.DocumentIngestion;
import io.factline.log.EventLog;
import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class CorroborationAndReextractionTest {

    @Inject
    EventLog log;

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    private static Response ingest(String text, String title) {
        return Api.writer().contentType(ContentType.TEXT).queryParam("title", title).body(text).post("/api/documents");
    }

    @Test
    void aSecondDocumentStatingAKnownFactCorroboratesIt() {
        Response first = ingest(Api.unique("On 3 March 2024, Foreign Minister Cho Tae-yul met Secretary of State "
                + "Antony Blinken in Washington."), "first report");
        first.then().statusCode(201).body("facts", equalTo(1)).body("corroborated", equalTo(0));
        String factId = given().get("/api/documents/" + first.path("id") + "/facts").then().statusCode(200)
                .extract().path("items[0].id");

        Response second = ingest(Api.unique("Secretary of State Antony Blinken met Foreign Minister Cho Tae-yul "
                + "in Washington on March 3, 2024."), "second report");
        second.then().statusCode(201).body("facts", equalTo(0)).body("corroborated", equalTo(1));

        given().get("/api/facts/" + factId).then().statusCode(200)
                .body("sources.size()", equalTo(2))
                .body("sources.document.id", hasItem((String) second.path("id")))
                .body("history.type", equalTo(List.of("FactExtracted", "FactCorroborated")));
        given().get("/api/documents/" + second.path("id") + "/facts").then().statusCode(200)
                .body("items.id", equalTo(List.of(factId)));

        // re-extracting the corroborating document finds the same fact again: nothing to record
        Api.writer().queryParam("document", (String) second.path("id")).post("/api/admin/reextract").then().statusCode(200)
                .body("documents", equalTo(1)).body("added", equalTo(0)).body("corroborated", equalTo(0))
                .body("superseded", equalTo(0)).body("unchanged", equalTo(1));
        given().get("/api/facts/" + factId).then().body("sources.size()", equalTo(2));
    }

    @Test
    void reextractingAnUnknownDocumentIsAClearError() {
        Api.writer().queryParam("document", UUID.randomUUID().toString()).post("/api/admin/reextract").then().statusCode(404);
        Api.writer().queryParam("document", "not-an-id").post("/api/admin/reextract").then().statusCode(400);
    }

    @Test
    void reextractionAddsWhatIsNewSupersedesWhatIsGoneAndLeavesCuratorsAlone() throws Exception {
        String text = Api.unique("The weather was mild.\nOn 5 April 2024, President Yoon Suk Yeol hosted "
                + "Prime Minister Fumio Kishida in Seoul.\nThe markets were calm.");
        UUID documentId = DocumentIngestion.documentId(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))));
        // as stored by an older extractor: the document, and one draft the current extractor does not find
        UUID oldFact = UUID.randomUUID();
        String mild = "The weather was mild.";
        EventMetadata meta = new EventMetadata("test:old-extractor", "test", UUID.randomUUID().toString());
        log.append(meta,
                EventLog.Change.of(ExpectedVersion.NO_STREAM, new DocumentIngested(documentId, "old", "text/plain",
                        "stored before", null, null, null, null, text)),
                EventLog.Change.of(ExpectedVersion.NO_STREAM, new FactExtracted(oldFact, documentId, "old-extractor-0",
                        new FactContent(FactType.STATEMENT, FactDate.parse("2024", null, "2024"),
                                List.of(new FactActor("japan", Role.SPEAKER)), List.of(), "old draft",
                                List.of(new SourceRef(documentId, mild, 0, mild.length(), 0.5)),
                                new Extraction("old-extractor-0", "010", null, null)))))
                .await().atMost(Duration.ofSeconds(10));
        String calm = text.substring(text.indexOf("The markets were calm."));
        String curated = Api.writer().contentType(ContentType.JSON).body(Map.of("type", "STATEMENT",
                        "date", Map.of("value", "2024-04"), "actors", List.of(Map.of("actor", "japan", "role", "SPEAKER")),
                        "summary", "A curator's reading.", "sources", List.of(Map.of("document", documentId.toString(), "quote", calm))))
                .post("/api/facts").then().statusCode(201).extract().path("id");

        Api.writer().queryParam("document", documentId.toString()).post("/api/admin/reextract").then().statusCode(200)
                .body("documents", equalTo(1))
                .body("added", equalTo(1))
                .body("superseded", equalTo(1))
                .body("keptCurated", equalTo(1));

        given().get("/api/facts/" + oldFact).then().statusCode(200)
                .body("status", equalTo("RETRACTED"))
                .body("history[-1].reason", org.hamcrest.Matchers.startsWith("superseded"));
        given().get("/api/facts/" + curated).then().statusCode(200).body("status", equalTo("ACTIVE")).body("version", equalTo(1));
        given().queryParam("includeRetracted", "false").get("/api/documents/" + documentId + "/facts").then().statusCode(200)
                .body("items.type", hasItem("MEETING"))
                .body("items.find { it.type == 'MEETING' }.actors.actor.id", hasItem("fumio-kishida"));

        // over every document: a second run finds nothing left to record
        Api.writer().post("/api/admin/reextract").then().statusCode(200);
        long before = Api.queryLong("select count(*) from event");
        Api.writer().contentType(ContentType.JSON).body("{\"query\":\"mutation { reextract { added superseded corroborated unchanged } }\"}")
                .post("/graphql").then().statusCode(200)
                .body("data.reextract.added", equalTo(0))
                .body("data.reextract.superseded", equalTo(0))
                .body("data.reextract.corroborated", equalTo(0));
        assertThat(Api.queryLong("select count(*) from event")).isEqualTo(before);
    }
}
