package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Actors the extractor discovers are registered with the document that names them — once, marked
 * discovered, with their mention and the state they act for — and found again by later documents.
 */
@QuarkusTest
class DiscoveredActorsApiTest {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    private static String ingest(String text) {
        return Api.writer().contentType(ContentType.TEXT).queryParam("title", "discovery test").body(text)
                .post("/api/documents").then().statusCode(201).extract().path("id");
    }

    private static long registrations(String actorId) {
        return Api.queryLong("select count(*) from event where stream_id = 'actor-" + actorId + "' and type = 'ActorRegistered'");
    }

    @Test
    void aPersonNamedWithATitleIsRegisteredOnceWithItsMentionAndState() {
        String text = Api.unique("On 2 March 2031, Foreign Minister of Mongolia Altan Gerel said the border talks had resumed.");
        String document = ingest(text);
        String id = "altan-gerel";
        given().get("/api/actors/" + id).then().statusCode(200)
                .body("name", equalTo("Altan Gerel"))
                .body("kind", equalTo("PERSON"))
                .body("discovered", equalTo(true))
                .body("actsFor", equalTo("mongolia")) // Mongolia is no actor of any fact here, and still its state
                .body("mention.document", equalTo(document))
                .body("mention.text", equalTo("Altan Gerel"))
                .body("mention.start", equalTo(text.indexOf("Altan Gerel")));
        given().get("/api/documents/" + document + "/facts").then().statusCode(200)
                .body("items.actors.flatten().actor.id", hasItem(id));
        assertThat(registrations(id)).isEqualTo(1);

        // a later document naming the same person adds facts to the same actor and registers nothing
        String later = ingest(Api.unique("On 9 March 2031, Altan Gerel met Secretary of State Marco Rubio in Washington."));
        given().get("/api/documents/" + later + "/facts").then().statusCode(200)
                .body("items.find { it.type == 'MEETING' }.actors.actor.id", hasItem(id));
        assertThat(registrations(id)).isEqualTo(1);
        given().get("/api/actors/" + id + "/facts").then().statusCode(200).body("items.size()", equalTo(2));
    }

    @Test
    void documentsDiscoveringTheSameActorAtOnceRegisterItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String text = Api.unique("In 2031, the Boreal Fisheries Corporation announced a new catch quota (report " + i + ").");
                answers.add(pool.submit((Callable<String>) () -> Api.writer().contentType(ContentType.TEXT).body(text)
                        .post("/api/documents").then().statusCode(201).extract().path("id")));
            }
            for (Future<String> answer : answers) {
                // each document's statement names the one actor (as a fact of its own or a source of another's)
                given().get("/api/documents/" + answer.get() + "/facts").then().statusCode(200)
                        .body("items.actors.flatten().actor.id", hasItem("boreal-fisheries-corporation"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(registrations("boreal-fisheries-corporation")).isEqualTo(1);
    }
}
