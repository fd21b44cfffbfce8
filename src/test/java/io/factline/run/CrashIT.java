package io.factline.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.DevTokens;
import io.factline.testing.TestDatabase;
import io.factline.testing.ViewSnapshots;
import io.restassured.response.Response;

/**
 * The packaged service killed (SIGKILL) in the middle of a burst of ingestions, then started again on
 * the same database: every document it acknowledged is there with every fact it reported, none is
 * there by half, and the views are what a rebuild from the log makes of it.
 */
class CrashIT {

    private TestDatabase.Database database;
    private PackagedService service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void aServiceKilledMidBurstLosesNothingAcknowledgedAndHalvesNothing() throws Exception {
        database = TestDatabase.create("crash");
        Map<String, String> env = Map.of("FACTLINE_DB_URL", database.url(), "FACTLINE_DB_USER", database.user(),
                "FACTLINE_DB_PASSWORD", database.password(), "FACTLINE_EMBEDDED_DB_ENABLED", "false",
                "FACTLINE_SEEDS_ENABLED", "false", "FACTLINE_PROJECTION_POLL_INTERVAL", "PT0.2S");
        service = PackagedService.start(env).awaitReady();
        String token = DevTokens.of("crash-test", "ingest", "admin");
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>(); // document id → the facts it was said to bring or corroborate
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        PackagedService first = service;
        for (int c = 0; c < 6; c++) {
            clients.submit(() -> {
                while (writing.get()) {
                    try {
                        Response answer = given().port(first.port).auth().oauth2(token).contentType("text/plain; charset=UTF-8")
                                .queryParam("title", "burst").body("On 2 June 2031, Japan and Chile signed a fisheries "
                                        + "agreement. (" + UUID.randomUUID() + ")").post("/api/documents");
                        if (answer.statusCode() == 201) {
                            acknowledged.put(answer.path("id"), answer.<Integer>path("facts") + answer.<Integer>path("corroborated"));
                        }
                    } catch (Exception killed) {
                        return null; // the service is gone
                    }
                }
                return null;
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 20);
        service.kill();
        writing.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        service = PackagedService.start(env).awaitReady();
        int port = service.port;
        await().atMost(Duration.ofSeconds(60)).until(() -> given().port(port).get("/api/admin/projections").<Integer>path("lag") == 0);
        System.out.printf("[crash] %d documents acknowledged before the kill%n", acknowledged.size());
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(20);
        acknowledged.forEach((id, facts) -> {
            given().port(port).get("/api/documents/" + id).then().statusCode(200);
            List<String> found = given().port(port).get("/api/documents/" + id + "/facts").path("items.id");
            assertThat(found).as("the facts of " + id).hasSize(facts);
        });
        try (Connection connection = database.connect()) {
            long documents = count(connection, "select count(*) from event where type = 'DocumentIngested'");
            long stored = count(connection, "select count(*) from document_view");
            assertThat(stored).as("every document in the log is in the views").isEqualTo(documents);
            long halves = count(connection, "select count(*) from event d where d.type = 'DocumentIngested' and not exists "
                    + "(select 1 from event f where (f.type = 'FactExtracted' and f.payload->>'documentId' = d.payload->>'documentId') "
                    + "or (f.type = 'FactCorroborated' and f.payload->'source'->>'documentId' = d.payload->>'documentId'))");
            assertThat(halves).as("a document of this burst without its fact").isZero();
            Map<String, List<String>> before = ViewSnapshots.take(connection);
            given().port(port).auth().oauth2(token).post("/api/admin/projections/rebuild").then().statusCode(200);
            Map<String, List<String>> after = ViewSnapshots.take(connection);
            for (String table : ViewSnapshots.TABLES) {
                assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
            }
        }
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
