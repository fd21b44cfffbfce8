package io.factline.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.factline.testing.DevTokens;
import io.factline.testing.TestDatabase;
import io.restassured.http.ContentType;

/**
 * JSON logs and tracing, switched on by environment variables alone: every line the service writes
 * is a JSON object, lines written for a request carry its correlation id, and spans are exported
 * over OTLP/HTTP to the configured endpoint (here a collector stand-in that records what arrives).
 */
class ObservabilityIT {

    private PackagedService service;
    private HttpServer collector;
    private TestDatabase.Database database;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.close();
        }
        if (collector != null) {
            collector.stop(0);
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void jsonLogsCarryTheCorrelationIdAndSpansReachTheConfiguredCollector() throws Exception {
        List<String> exports = new CopyOnWriteArrayList<>();
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exports.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body.length);
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        database = TestDatabase.create("observability");
        service = PackagedService.start(Map.of("FACTLINE_DB_URL", database.url(), "FACTLINE_DB_USER", database.user(),
                "FACTLINE_DB_PASSWORD", database.password(), "FACTLINE_SEEDS_ENABLED", "false",
                "FACTLINE_LOG_JSON", "true",
                "FACTLINE_OTEL_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort())).awaitReady();

        given().port(service.port).auth().oauth2(DevTokens.of("obs", "ingest")).header("X-Correlation-Id", "obs-4711")
                .queryParam("title", "forged\n12:00:00 INFO a line of its own")
                .contentType(ContentType.TEXT).body("On 2 June 2022, President Biden had a phone call with President Yoon Suk-yeol.")
                .post("/api/documents").then().statusCode(201).header("X-Correlation-Id", "obs-4711");

        await().atMost(Duration.ofSeconds(30)).until(() -> exports.stream().anyMatch(e -> e.startsWith("POST /v1/traces ")));
        assertThat(exports).allMatch(e -> e.contains("application/x-protobuf"));

        ObjectMapper json = new ObjectMapper();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(service.log).contains("obs-4711"));
        List<String> lines = Files.readAllLines(service.log).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            assertThat(json.readTree(line).isObject()).as(line).isTrue();
        }
        JsonNode ingested = lines.stream().map(l -> read(json, l))
                .filter(n -> n.path("message").asText().startsWith("ingested document")).findFirst().orElseThrow();
        assertThat(ingested.path("mdc").path("correlationId").asText()).isEqualTo("obs-4711");
        assertThat(ingested.path("message").asText()).contains("by obs");
        assertThat(ingested.path("mdc").path("traceId").asText()).as("the request's trace").hasSize(32);
        assertThat(ingested.path("mdc").path("spanId").asText()).as("the request's span").hasSize(16);
        assertThat(ingested.path("message").asText()).as("no caller text in the log").doesNotContain("forged");
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
