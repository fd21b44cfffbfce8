package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class DocumentsApiTest {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void theSeedDocumentIsServedWithItsMetadataAndExactText() throws Exception {
        String seed = Files.readString(Path.of("seeds", "korea-us-relations.txt"));
        String id = given().queryParam("limit", 100).get("/api/documents").then().statusCode(200)
                .extract().path("items.find { it.title == 'Korea - US Relations' }.id");
        assertThat(id).isNotNull();

        given().get("/api/documents/" + id).then().statusCode(200)
                .body("publisher", equalTo("GlobalSecurity.org"))
                .body("published", equalTo("Page last modified: 24-06-2021 17:49:34 ZULU"))
                .body("publishedDate", equalTo("2021-06-24"))
                .body("mediaType", equalTo("text/plain"))
                .body("length", equalTo(seed.length()))
                .body("text", equalTo(seed))
                .body("ingestedBy", equalTo("system:seed"));
    }

    @Test
    void ingestingTheSameTextTwiceStoresItOnce() {
        String text = Api.unique("Seoul and Washington agreed to keep talking.");
        Response first = Api.writer().contentType(ContentType.TEXT).body(text).post("/api/documents");
        first.then().statusCode(201)
                .header("Location", endsWith("/api/documents/" + first.path("id")))
                .body("created", is(true))
                .body("document.length", equalTo(text.length()));
        long head = Api.logHead();

        Api.writer().contentType(ContentType.TEXT).body(text).post("/api/documents").then()
                .statusCode(200)
                .body("id", equalTo(first.path("id")))
                .body("created", is(false));
        assertThat(Api.logHead()).isEqualTo(head);
    }

    @Test
    void concurrentIngestionsOfOneTextStoreItOnce() {
        String text = Api.unique("The allies met in Washington.");
        List<CompletableFuture<Integer>> racers = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        Api.writer().contentType(ContentType.TEXT).body(text).post("/api/documents").statusCode()))
                .toList();
        List<Integer> statuses = racers.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(Api.queryLong("select count(*) from event where type = 'DocumentIngested' and payload->>'text' = '"
                + text.replace("'", "''") + "'")).isEqualTo(1);
    }

    @Test
    void takesJsonWithMetadataAndHtmlReducedToItsText() {
        String sentence = Api.unique("The two leaders met in Seoul.");
        Api.writer().contentType(ContentType.JSON)
                .body(Map.of("text", sentence, "title", "A wire", "publisher", "Agency", "published", "June 30, 2007",
                        "publishedDate", "2007-06-30", "url", "https://example.org/wire"))
                .post("/api/documents").then().statusCode(201)
                .body("document.title", equalTo("A wire"))
                .body("document.publisher", equalTo("Agency"))
                .body("document.publishedDate", equalTo("2007-06-30"))
                .body("document.url", equalTo("https://example.org/wire"));

        String html = "<html><head><title>Summit</title><script>track()</script><style>p{}</style></head><body>"
                + "<nav>Menu</nav><h1>Summit news</h1><p>The two  leaders met in <b>Seoul</b>.</p>"
                + "<p>They signed<br>an agreement. " + Api.unique("") + "</p></body></html>";
        String id = Api.writer().contentType("text/html; charset=utf-8").body(html).post("/api/documents")
                .then().statusCode(201).body("document.title", equalTo("Summit")).body("document.mediaType", equalTo("text/html"))
                .extract().path("id");
        String text = given().get("/api/documents/" + id).then().statusCode(200).extract().path("text");
        assertThat(text).startsWith("Menu\n\nSummit news\n\nThe two leaders met in Seoul.\n\nThey signed\nan agreement.")
                .doesNotContain("track()").doesNotContain("<");
    }

    @Test
    void factsFromTheExtractorPointAtTheExactPassageOfTheStoredText() {
        String text = "Intro line.\r\n{{MEETING|2021-05-21|joe-biden:HOST,moon-jae-in:VISITOR|summit-diplomacy}} "
                + Api.unique("Biden hosted Moon at the White House.") + "\r\nClosing line.";
        String id = Api.ingest(text);
        String stored = given().get("/api/documents/" + id).then().extract().path("text");
        assertThat(stored).doesNotContain("\r");

        Response facts = given().get("/api/documents/" + id + "/facts");
        facts.then().statusCode(200).body("items", hasSize(1))
                .body("items[0].type", equalTo("MEETING"))
                .body("items[0].origin", equalTo("EXTRACTED"))
                .body("items[0].date.precision", equalTo("DAY"))
                .body("items[0].actors.actor.id", equalTo(List.of("joe-biden", "moon-jae-in")))
                .body("items[0].actors.role", equalTo(List.of("HOST", "VISITOR")))
                .body("items[0].topics.id", equalTo(List.of("summit-diplomacy")))
                .body("items[0].sources[0].document.id", equalTo(id));
        int start = facts.path("items[0].sources[0].start");
        int end = facts.path("items[0].sources[0].end");
        String quote = facts.path("items[0].sources[0].quote");
        assertThat(stored.substring(start, end)).isEqualTo(quote).startsWith("Biden hosted Moon");
        given().get("/api/documents/" + id).then().body("factCount", equalTo(1));
    }

    @Test
    void aTextIsReadInTheCharsetItsSenderNames() {
        String text = Api.unique("Le café de Séoul.");
        String latin1 = Api.writer().contentType("text/plain; charset=ISO-8859-1").body(text.getBytes(StandardCharsets.ISO_8859_1))
                .post("/api/documents").then().statusCode(201).extract().path("id");
        given().get("/api/documents/" + latin1).then().statusCode(200).body("text", equalTo(text));
        // the same text sent as UTF-8 is the same document
        Api.writer().contentType("text/plain; charset=UTF-8").body(text.getBytes(StandardCharsets.UTF_8))
                .post("/api/documents").then().statusCode(200).body("id", equalTo(latin1));
    }

    @Test
    void refusesBadDocumentsClearlyAndWritesNothing() {
        long head = Api.logHead();
        problem(Api.writer().contentType(ContentType.TEXT).body(""), 422, "/problems/invalid-value");
        problem(Api.writer().contentType(ContentType.TEXT).body("   \n\t "), 422, "/problems/invalid-value");
        problem(Api.writer().contentType(ContentType.TEXT).body("text with a \u0000 byte".getBytes(StandardCharsets.UTF_8)), 415,
                "/problems/unsupported-content");
        problem(Api.writer().contentType("text/plain; charset=UTF-8").body(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}), 415,
                "/problems/unsupported-content");
        problem(Api.writer().contentType("text/plain; charset=no-such-charset").body("text".getBytes(StandardCharsets.UTF_8)), 415,
                "/problems/unsupported-media-type");
        problem(Api.writer().contentType(ContentType.TEXT).body("a".repeat(2 * 1024 * 1024 + 1)), 413, "/problems/too-large");
        problem(Api.writer().contentType(ContentType.TEXT).header("X-Correlation-Id", "big-upload-1")
                .body(new byte[17 * 1024 * 1024]), 413, "/problems/too-large").header("X-Correlation-Id", "big-upload-1");
        problem(Api.writer().contentType(ContentType.JSON).body("{\"text\": "), 400, "/problems/malformed-request");
        problem(Api.writer().contentType(ContentType.JSON).body("{\"text\": \"a\", \"html\": \"<p>b</p>\"}"), 422,
                "/problems/invalid-value");
        problem(Api.writer().contentType(ContentType.JSON).body("{\"title\": \"no body\"}"), 422, "/problems/invalid-value");
        problem(Api.writer().contentType(ContentType.JSON).body("{\"text\": \"a\", \"publishedDate\": \"yesterday\"}"), 422,
                "/problems/invalid-value");
        problem(Api.writer().contentType(ContentType.TEXT).queryParam("title", "a \u0000 title").body(Api.unique("Text.")), 422,
                "/problems/invalid-value");
        problem(Api.writer().contentType(ContentType.JSON).body(Map.of("text", Api.unique("Text."), "url", "x".repeat(2001))), 422,
                "/problems/invalid-value");
        problem(Api.writer().contentType("application/pdf").body("%PDF-1.7".getBytes(StandardCharsets.UTF_8)), 415, "/problems/unsupported-media-type");
        assertThat(Api.logHead()).isEqualTo(head);
    }

    @Test
    void unknownDocumentsAndBadParametersAreClearErrors() {
        given().get("/api/documents/7d1e9a52-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
        given().get("/api/documents/not-an-id/facts").then().statusCode(404);
        given().queryParam("limit", "many").get("/api/documents").then().statusCode(400);
        given().queryParam("limit", 0).get("/api/documents").then().statusCode(422);
        given().queryParam("cursor", "page-two").get("/api/documents").then().statusCode(400)
                .body("detail", containsString("cursor"));
    }

    @Test
    void documentsPageInIngestionOrder() {
        String a = Api.ingest(Api.unique("First of three."));
        String b = Api.ingest(Api.unique("Second of three."));
        String c = Api.ingest(Api.unique("Third of three."));
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/documents");
            page.then().statusCode(200).body("items", notNullValue());
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(a, b, c);
        List<String> firstPage = given().get("/api/documents").then().statusCode(200).extract().path("items.id");
        assertThat(firstPage).as("the default page: the first 20").isEqualTo(seen.subList(0, Math.min(20, seen.size())));
    }

    private static io.restassured.response.ValidatableResponse problem(io.restassured.specification.RequestSpecification request,
                                                                       int status, String type) {
        return request.post("/api/documents").then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo(type))
                .body("detail", notNullValue());
    }
}
