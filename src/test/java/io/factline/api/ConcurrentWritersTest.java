package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Sixteen writers at once: of sixteen corrections of one version, exactly one wins and the others
 * are told the fact has moved on; of sixteen documents, each is stored once and found once.
 */
@QuarkusTest
class ConcurrentWritersTest {

    private static final int WRITERS = 16;

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void oneCorrectionWinsPerVersion() throws Exception {
        String fact = Api.assertedFact();
        List<Integer> statuses = together(i -> Api.writer().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("summary", "Correction number " + i, "reason", "race " + i))
                .post("/api/facts/" + fact + "/corrections").statusCode());
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        List<Integer> versions = given().get("/api/facts/" + fact + "/history").then().statusCode(200).extract().path("items.version");
        assertThat(versions).containsExactly(1, 2);
    }

    @Test
    void everyAcknowledgedDocumentIsStoredOnce() throws Exception {
        String marker = Api.unique("race");
        List<String> ids = together(i -> Api.writer().contentType(ContentType.TEXT).queryParam("title", "race")
                .body("Writer " + i + " of " + marker + ".").post("/api/documents").then().statusCode(201).extract().<String>path("id"));
        assertThat(ids).doesNotHaveDuplicates().hasSize(WRITERS);
        for (String id : ids) {
            assertThat(Api.queryLong("select count(*) from event where type = 'DocumentIngested' and payload->>'documentId' = '"
                    + id + "'")).isEqualTo(1);
            given().get("/api/documents/" + id).then().statusCode(200);
        }
    }

    private interface Write<T> {
        T send(int writer) throws Exception;
    }

    /** Every writer released at the same moment. */
    private static <T> List<T> together(Write<T> write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int writer = i;
                answers.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return write.send(writer);
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> answer : answers) {
                out.add(answer.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
