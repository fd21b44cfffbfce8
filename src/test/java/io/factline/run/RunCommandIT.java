package io.factline.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.DevTokens;
import io.restassured.http.ContentType;

/**
 * The README's run command, as a user runs it: the packaged service started from the project folder
 * with no database configured (here, as root), so it starts its own PostgreSQL, loads the seeds,
 * keeps its data across a restart, and adds nothing when restarted.
 */
class RunCommandIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private Process service;
    private Path log;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void runsOnAnEmbeddedDatabaseWithTheSeedsAndKeepsItsDataAcrossRestarts() throws Exception {
        Path data = Path.of("target", "run-it", UUID.randomUUID().toString());
        int port = start(data, Map.of());

        given().port(port).get("/api/documents").then().statusCode(200)
                .body("items.title", hasItem("Korea - US Relations"));
        String seed = given().port(port).get("/api/documents").then().extract()
                .path("items.find { it.title == 'Korea - US Relations' }.id");
        given().port(port).queryParam("limit", 100).get("/api/documents/" + seed + "/facts").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(31)); // extracted before ready
        String quote = "Presidents Moon and Biden reaffirmed their commitment to the complete denuclearization of the "
                + "Korean Peninsula based on dialogue and diplomacy.";
        String fact = given().port(port).auth().oauth2(DevTokens.of("it-curator", "curate")).contentType(ContentType.JSON)
                .body(Map.of("type", "AGREEMENT", "date", Map.of("value", "2021-05"),
                        "actors", List.of(Map.of("actor", "moon-jae-in", "role", "PARTY"), Map.of("actor", "joe-biden", "role", "PARTY")),
                        "topics", List.of("north-korea-nuclear"), "summary", "Moon and Biden reaffirmed denuclearization.",
                        "sources", List.of(Map.of("document", seed, "quote", quote))))
                .post("/api/facts").then().statusCode(201).extract().path("id");
        long head = given().port(port).get("/api/events").then().extract().<Number>path("head").longValue();

        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !Files.exists(data.resolve("postgres").resolve("data").resolve("postmaster.pid")));

        port = start(data, Map.of());
        assertThat(given().port(port).get("/api/events").then().extract().<Number>path("head").longValue()).isEqualTo(head);
        given().port(port).get("/api/facts/" + fact).then().statusCode(200).body("sources[0].quote", equalTo(quote));
        given().port(port).queryParam("actor", "moon-jae-in").get("/api/facts").then().body("items.id", hasItem(fact));
    }

    @Test
    void asRootWithoutUserNamespacesTheDatabaseRunsAsAnUnprivilegedUser() throws Exception {
        assumeTrue(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim().equals("0"),
                "only relevant when started as root");
        Path data = Path.of("target", "run-it", UUID.randomUUID().toString());
        int port = start(data, Map.of("FACTLINE_EMBEDDED_DB_PRIVILEGES", "RUN_AS_USER"));
        given().port(port).get("/api/documents").then().statusCode(200).body("items.title", hasItem("Korea - US Relations"));
        assertThat(Files.readString(log)).contains("as user ");
        assertThat(Files.getOwner(data.resolve("postgres").resolve("data")).getName()).isNotEqualTo("root");
    }

    private int start(Path data, Map<String, String> extraEnv) throws IOException {
        assertThat(JAR).as("the packaged service (mvn package)").exists();
        int port = freePort();
        log = Files.createDirectories(Path.of("target", "run-it")).resolve("service-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("FACTLINE_") || name.startsWith("QUARKUS_"));
        env.put("FACTLINE_DATA_DIR", data.toString());
        env.put("FACTLINE_HTTP_PORT", Integer.toString(port));
        // a production run trusts only the key it is given; here, the development key
        env.put("FACTLINE_JWT_PUBLIC_KEY_LOCATION", Path.of("src", "dev", "jwt", "public-key.pem").toAbsolutePath().toString());
        env.put("FACTLINE_JWT_ISSUER", DevTokens.ISSUER);
        env.putAll(extraEnv);
        service = builder.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!service.isAlive()) {
                throw new AssertionError("the service stopped:\n" + Files.readString(log));
            }
            try {
                return given().port(port).get("/q/health/ready").statusCode() == 200;
            } catch (Exception notListeningYet) {
                return false;
            }
        });
        return port;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
