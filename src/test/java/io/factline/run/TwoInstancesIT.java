package io.factline.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.DevTokens;
import io.factline.testing.TestDatabase;
import io.restassured.http.ContentType;

/**
 * Two replicas of the packaged service on one PostgreSQL, started at the same moment and written to
 * at the same time: the reference data and the seeds are stored once, every document once however
 * many replicas receive it, and the views of both replicas show every fact exactly once, at its
 * latest version, with the checkpoint at the head of the log.
 */
class TwoInstancesIT {

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};

    private final List<PackagedService> services = new ArrayList<>();
    private TestDatabase.Database database;

    @AfterEach
    void stop() throws InterruptedException {
        for (PackagedService service : services) {
            service.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void twoReplicasOnOneDatabaseStoreEverythingOnceAndShowTheSameFacts() throws Exception {
        database = TestDatabase.create("replicas");
        Map<String, String> env = Map.of("FACTLINE_DB_URL", database.url(), "FACTLINE_DB_USER", database.user(),
                "FACTLINE_DB_PASSWORD", database.password(), "FACTLINE_EMBEDDED_DB_ENABLED", "false",
                "FACTLINE_PROJECTION_POLL_INTERVAL", "PT0.2S");
        PackagedService a = PackagedService.start(env);
        PackagedService b = PackagedService.start(env); // both sync reference data and seeds at once
        services.add(a);
        services.add(b);
        a.awaitReady();
        b.awaitReady();

        String token = DevTokens.of("replica-test", "ingest");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> unique = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            PackagedService through = i % 2 == 0 ? a : b;
            String text = meeting(i);
            unique.add(clients.submit(() -> ingest(through, token, text)));
        }
        List<Future<Integer>> shared = new ArrayList<>();
        for (int i = 24; i < 30; i++) { // the same text through both replicas at once
            String text = meeting(i);
            for (PackagedService through : List.of(a, b)) {
                shared.add(clients.submit(() -> ingest(through, token, text)));
            }
        }
        for (Future<Integer> status : unique) {
            assertThat(status.get()).isEqualTo(201);
        }
        List<Integer> sharedStatuses = new ArrayList<>();
        for (Future<Integer> status : shared) {
            sharedStatuses.add(status.get());
        }
        clients.shutdown();
        assertThat(sharedStatuses.stream().filter(s -> s == 201)).as("one replica stores each shared text").hasSize(6);
        assertThat(sharedStatuses.stream().filter(s -> s == 200)).as("the other answers with the stored one").hasSize(6);

        try (Connection db = database.connect()) {
            assertThat(count(db, "select count(*) from event where type = 'DocumentIngested'")).isEqualTo(1 + 30);
            assertThat(count(db, "select count(*) from event where type = 'DocumentIngested' "
                    + "and payload->>'title' = 'Korea - US Relations'")).as("the seed, once").isEqualTo(1);
            assertThat(count(db, "select count(*) from (select stream_id from event where type = 'ActorRegistered' "
                    + "group by stream_id having count(*) > 1) twice")).as("actors registered twice").isZero();
            long meetingFacts = count(db, "select count(*) from event e join event d on d.type = 'DocumentIngested' "
                    + "and d.payload->>'documentId' = e.payload->>'documentId' "
                    + "where e.type = 'FactExtracted' and d.payload->>'title' like 'replica %'");
            assertThat(meetingFacts).as("one meeting per test document").isEqualTo(30);

            long head = count(db, "select max(position) from event");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    count(db, "select position from projection_checkpoint where projection = 'read-models'") == head);
            assertThat(count(db, "select count(*) from fact_view"))
                    .as("every fact in the views once").isEqualTo(count(db, "select count(distinct stream_id) from event "
                            + "where stream_id like 'fact-%'"));
            assertThat(count(db, "select count(*) from fact_view f join (select stream_id, max(version) v from event "
                    + "group by stream_id) e on e.stream_id = 'fact-' || f.id where e.v <> f.version"))
                    .as("facts not at their latest version").isZero();
            assertThat(count(db, "select count(*) from document_view")).isEqualTo(31);
            // the counters are kept by increments: an event applied twice (or skipped) shows up here
            assertThat(count(db, "select count(*) from actor_view v left join (select actor_id, count(*) n from fact_actor "
                    + "where status = 'ACTIVE' group by actor_id) c on c.actor_id = v.id where v.fact_count <> coalesce(c.n, 0)"))
                    .as("actors whose fact count disagrees with their facts").isZero();
            assertThat(count(db, "select count(*) from topic_view v left join (select topic_id, count(*) n from fact_topic "
                    + "where status = 'ACTIVE' group by topic_id) c on c.topic_id = v.id where v.fact_count <> coalesce(c.n, 0)"))
                    .as("topics whose fact count disagrees with their facts").isZero();
            assertThat(count(db, "select fact_count from actor_view where id = 'yoon-suk-yeol'")).isGreaterThanOrEqualTo(30);
        }
        for (PackagedService replica : List.of(a, b)) {
            given().port(replica.port).queryParam("limit", 100).get("/api/documents").then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.equalTo(31));
            given().port(replica.port).queryParam("actor", "yoon-suk-yeol").queryParam("limit", 100)
                    .get("/api/facts").then().statusCode(200)
                    .body("items.findAll { it.summary != null }.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(30));
        }
    }

    /** A document reporting one meeting on a day of its own, so no two documents state the same fact. */
    private static String meeting(int i) {
        int year = 2022 + i / 12 % 2;
        return "On " + (1 + i % 28) + " " + MONTHS[i % 12] + " " + year
                + ", President Biden had a phone call with President Yoon Suk-yeol. (replica test " + i + ")";
    }

    private static int ingest(PackagedService service, String token, String text) {
        return given().port(service.port).auth().oauth2(token).contentType(ContentType.TEXT).body(text)
                .queryParam("title", "replica " + text.hashCode())
                .post("/api/documents").statusCode();
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
