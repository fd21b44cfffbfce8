package io.factline.api.battery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.factline.testing.Api;
import io.factline.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A hostile client's requests, over REST and GraphQL: each is refused with the status and the problem
 * type or error code it deserves — never a 5xx, never a default body — and nothing reaches the log.
 */
@QuarkusTest
class BadInputBatteryTest {

    private static final Map<String, BadInput> CASES = cases();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> VALUES = new LinkedHashMap<>();

    private static Map<String, BadInput> cases() {
        Map<String, BadInput> all = new LinkedHashMap<>();
        Stream.concat(RestBadInputs.all().stream(), GraphQLBadInputs.all().stream()).forEach(c -> {
            if (all.put(c.id(), c) != null) {
                throw new IllegalStateException("two cases named " + c.id());
            }
        });
        return all;
    }

    static Stream<String> ids() {
        return CASES.keySet().stream();
    }

    @BeforeEach
    void fixtures() {
        if (VALUES.isEmpty()) {
            Api.awaitReady();
            VALUES.put("doc", Api.seedDocument());
            VALUES.put("fact", Api.assertedFact());
            VALUES.put("token", DevTokens.of("battery", "ingest", "curate", "admin"));
            VALUES.put("reader", DevTokens.of("battery-reader"));
            VALUES.put("ingester", DevTokens.of("battery-ingester", "ingest"));
            VALUES.put("expired", DevTokens.expired("battery", "ingest", "curate", "admin"));
        }
    }

    @Test
    void theBatteryIsLargeAndCoversEveryClass() {
        Map<String, Long> byKind = CASES.values().stream()
                .collect(Collectors.groupingBy(BadInput::kind, TreeMap::new, Collectors.counting()));
        System.out.println("[battery] " + CASES.size() + " bad inputs: " + byKind);
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(250);
        assertThat(byKind.keySet()).contains("JSON syntax", "duplicate keys", "wrong value types", "text that is not text",
                "content types", "facts as served", "query parameters", "paths and methods", "tokens", "invalid values", "versions",
                "GraphQL requests", "GraphQL over HTTP", "GraphQL syntax", "GraphQL validation", "GraphQL values", "GraphQL cost", "GraphQL mutations");
    }

    /** The served fact the "facts as served" cases break is itself taken, so each case is refused for its own fault. */
    @Test
    void theServedFactTheCasesBreakIsTakenAsItStands() throws Exception {
        Map<String, String> values = new LinkedHashMap<>(VALUES);
        values.put("uniq", UUID.randomUUID().toString());
        BadInput whole = new BadInput.Builder("control", false).at("POST", "/api/facts")
                .header("Authorization", "Bearer {token}").header("Content-Type", "application/json")
                .body("a served fact", RestServedShapeInputs.SERVED, 201, null);
        HttpResponse<String> answer = send(whole, values);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(json(answer.body(), answer.body()).path("id").asText()).isNotEqualTo(VALUES.get("fact"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void isRefusedCleanlyAndWritesNothing(String id) throws Exception {
        BadInput bad = CASES.get(id);
        Map<String, String> values = new LinkedHashMap<>(VALUES);
        values.put("uniq", UUID.randomUUID().toString());
        long head = Api.logHead();
        HttpResponse<String> answer = send(bad, values);
        String context = "[" + id + "] " + bad.method() + " " + bad.path() + " answered " + answer.statusCode() + ": " + abbreviated(answer.body());

        assertThat(answer.statusCode()).as(context).isLessThan(500);
        JsonNode body = json(answer.body(), context);
        if (bad.graphql()) {
            if (bad.status() == GraphQLBadInputs.ANY) {
                assertThat(answer.statusCode()).as(context).isIn(200, 400);
            } else {
                assertThat(answer.statusCode()).as(context).isEqualTo(bad.status());
            }
            assertThat(body.path("errors").isArray() && !body.path("errors").isEmpty()).as(context).isTrue();
            List<String> codes = new ArrayList<>();
            body.path("errors").forEach(e -> codes.add(e.path("extensions").path("code").asText(null)));
            assertThat(codes).as("every error has a code: " + context).doesNotContainNull();
            assertThat(codes).as(context).contains(bad.expected());
        } else {
            assertThat(answer.statusCode()).as(context).isEqualTo(bad.status());
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(context).startsWith("application/problem+json");
            assertThat(body.path("type").asText()).as(context).isEqualTo("/problems/" + bad.expected());
            assertThat(body.path("status").asInt()).as(context).isEqualTo(bad.status());
            assertThat(body.path("detail").asText()).as(context).isNotBlank();
        }
        assertThat(Api.logHead()).as("nothing written: " + context).isEqualTo(head);
    }

    private static HttpResponse<String> send(BadInput bad, Map<String, String> values) throws Exception {
        String path = BadInput.fill(bad.path(), values);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(60));
        bad.headers().forEach((name, value) -> request.header(name, BadInput.fill(value, values)));
        byte[] body = bad.bytes(values);
        request.method(bad.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String text, String context) {
        try {
            return JSON.readTree(text.isEmpty() ? "null" : text);
        } catch (java.io.IOException e) {
            throw new AssertionError("the answer is no JSON: " + context, e);
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 600 ? body.substring(0, 300) + " … " + body.substring(body.length() - 300) : body;
    }
}
