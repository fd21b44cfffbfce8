package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class EventFeedTest {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void servesTheWholeLogInOrderPageByPage() {
        Api.ingest(Api.unique("A document for the feed."));
        long head = Api.logHead();
        List<Long> positions = new ArrayList<>();
        long after = 0;
        while (true) {
            Response page = given().queryParam("after", after).queryParam("limit", 37).get("/api/events");
            page.then().statusCode(200);
            List<Number> items = page.path("items.position");
            if (items.isEmpty()) {
                assertThat(page.<Number>path("next").longValue()).isEqualTo(after);
                break;
            }
            items.forEach(p -> positions.add(p.longValue()));
            after = page.<Number>path("next").longValue();
        }
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(positions.get(positions.size() - 1)).isEqualTo(head);
        assertThat(positions).hasSize((int) Api.queryLong("select count(*) from event"));
    }

    @Test
    void eventsCarryTypedPayloadsAndWhoCausedThem() {
        String id = Api.ingest(Api.unique("Who caused this?"));
        long head = Api.logHead();
        var page = given().queryParam("after", head - 1).get("/api/events").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].type", equalTo("DocumentIngested"))
                .body("items[0].streamId", equalTo("document-" + id))
                .body("items[0].version", equalTo(1))
                .body("items[0].schemaVersion", equalTo(1))
                .body("items[0].payload.documentId", equalTo(id))
                .body("items[0].metadata.via", equalTo("rest"))
                .body("items[0].metadata.by", equalTo("test-writer"))
                .extract();
        assertThat(page.<Number>path("head").longValue()).isEqualTo(head);
        assertThat(page.<Number>path("items[0].position").longValue()).isEqualTo(head);
    }

    @Test
    void aFollowerCanWaitForTheNextEvent() throws Exception {
        long head = Api.logHead();
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() ->
                given().queryParam("after", head).queryParam("wait", 20).get("/api/events"));
        Thread.sleep(500);
        assertThat(waiting).isNotDone();
        Api.ingest(Api.unique("Wake the follower."));
        Response page = waiting.get(15, TimeUnit.SECONDS);
        page.then().statusCode(200).body("items[0].type", equalTo("DocumentIngested"));

        given().queryParam("after", Api.logHead()).get("/api/events").then().body("items", empty());
    }

    @Test
    void badFeedParametersAreClearErrors() {
        given().queryParam("after", "start").get("/api/events").then().statusCode(400);
        given().queryParam("after", -1).get("/api/events").then().statusCode(422);
        given().queryParam("limit", 0).get("/api/events").then().statusCode(422);
        given().queryParam("limit", 1001).get("/api/events").then().statusCode(422);
        given().queryParam("wait", 31).get("/api/events").then().statusCode(422);
    }
}
