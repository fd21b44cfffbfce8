package io.factline.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.factline.testing.DevTokens;
import io.factline.testing.TestDatabase;
import io.restassured.http.ContentType;

/**
 * The README's run command, as a user runs it: the packaged service started from the project folder
 * with no database configured (here, as root), so it starts its own PostgreSQL, loads the seeds,
 * keeps its data across a restart, and adds nothing when restarted.
 */
class RunCommandIT {

    private PackagedService service;
    private TestDatabase.Database database;

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

        assertThat(service.stop()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !Files.exists(data.resolve("postgres").resolve("data").resolve("postmaster.pid")));

        port = start(data, Map.of());
        assertThat(given().port(port).get("/api/events").then().extract().<Number>path("head").longValue()).isEqualTo(head);
        given().port(port).get("/api/facts/" + fact).then().statusCode(200).body("sources[0].quote", equalTo(quote));
        given().port(port).queryParam("actor", "moon-jae-in").get("/api/facts").then().body("items.id", hasItem(fact));
    }

    @Test
    void theQuickStartPrintsAnAdminTokenAndACurlLineThatIngestsADocument() throws Exception {
        Path data = Path.of("target", "run-it", UUID.randomUUID().toString());
        // no identity provider: the variables PackagedService sets are given empty, as unset
        Map<String, String> noProvider = Map.of("FACTLINE_JWT_PUBLIC_KEY_LOCATION", "", "FACTLINE_JWT_ISSUER", "",
                "FACTLINE_JWT_AUDIENCE", "");
        int port = start(data, noProvider);
        String firstLog = Files.readString(service.log);
        Path tokenFile = data.resolve("local-key").resolve("admin-token");
        String token = Files.readString(tokenFile).strip();
        assertThat(firstLog).contains("this installation signs its own tokens").contains(token);
        String curl = firstLog.lines().map(String::strip).filter(line -> line.startsWith("curl ")).findFirst()
                .orElseThrow(() -> new AssertionError("no curl line in the log:\n" + firstLog));
        assertThat(curl).contains("localhost:" + port).contains(token);

        assumeTrue(new ProcessBuilder("sh", "-c", "command -v curl").start().waitFor() == 0, "curl is not installed");
        Process run = new ProcessBuilder("sh", "-c", curl + " -s -w '\\n%{http_code}'").redirectErrorStream(true).start();
        String[] answer = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
        assertThat(run.waitFor()).isZero();
        assertThat(answer[answer.length - 1]).as(String.join("\n", answer)).isEqualTo("201");
        String created = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer[0]).get("id").asText();
        given().port(port).get("/api/documents/" + created + "/facts").then().statusCode(200)
                .body("items.type", hasItem("AGREEMENT"));
        // the development key is not trusted here: only this installation's
        given().port(port).auth().oauth2(DevTokens.of("alice", "ingest")).contentType(ContentType.TEXT)
                .body("On 2 June 2022, a text.").post("/api/documents").then().statusCode(401);

        assertThat(service.stop()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !Files.exists(data.resolve("postgres").resolve("data").resolve("postmaster.pid")));
        port = start(data, noProvider);
        String secondLog = Files.readString(service.log);
        assertThat(secondLog).as("printed once").doesNotContain(token).contains(tokenFile.toAbsolutePath().toString());
        given().port(port).auth().oauth2(Files.readString(tokenFile).strip()).contentType(ContentType.TEXT)
                .body(Api.unique("On 4 March 2025, Japan and Chile signed an agreement.")).post("/api/documents")
                .then().statusCode(201);
    }

    @Test
    void asRootWithoutUserNamespacesTheDatabaseRunsAsAnUnprivilegedUser() throws Exception {
        assumeTrue(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim().equals("0"),
                "only relevant when started as root");
        Path data = Path.of("target", "run-it", UUID.randomUUID().toString());
        int port = start(data, Map.of("FACTLINE_EMBEDDED_DB_PRIVILEGES", "RUN_AS_USER"));
        given().port(port).get("/api/documents").then().statusCode(200).body("items.title", hasItem("Korea - US Relations"));
        assertThat(Files.readString(service.log)).contains("as user ");
        assertThat(Files.getOwner(data.resolve("postgres").resolve("data")).getName()).isNotEqualTo("root");
    }

    @Test
    void refusesToStartWithATokenKeyButNoIssuer() throws Exception {
        // a key without an issuer would accept whatever that key signed, for whoever
        assertRefusesToStart("FACTLINE_JWT_ISSUER", "", "no issuer: set FACTLINE_JWT_ISSUER");
    }

    @Test
    void refusesToStartWithTheDevProfileWhichTrustsTheDevelopmentKey() throws Exception {
        assertRefusesToStart("QUARKUS_PROFILE", "dev", "does not run with the dev or test profile");
    }

    private void assertRefusesToStart(String variable, String value, String reason) throws Exception {
        Path data = Path.of("target", "run-it", UUID.randomUUID().toString());
        service = PackagedService.start(Map.of("FACTLINE_DATA_DIR", data.toString(), variable, value));
        assertThat(service.awaitExit(Duration.ofSeconds(90))).isNotZero();
        assertThat(Files.readString(service.log)).contains(reason);
    }

    @Test
    void withNoTokenKeyConfiguredEveryWriteIsRefusedAndReadsStillWork() throws Exception {
        // the variables are given empty, as compose passes unset ones: empty counts as not set
        database = TestDatabase.create("nokey");
        Path data = Path.of("target", "run-it", UUID.randomUUID().toString());
        service = PackagedService.start(pairs("FACTLINE_DB_URL", database.url(), "FACTLINE_DB_USER", database.user(),
                "FACTLINE_DB_PASSWORD", database.password(), "FACTLINE_SEEDS_ENABLED", "false", "FACTLINE_DATA_DIR", data.toString(),
                "FACTLINE_JWT_PUBLIC_KEY_LOCATION", "", "FACTLINE_JWT_ISSUER", "", "FACTLINE_JWT_AUDIENCE", "",
                "FACTLINE_OTEL_ENDPOINT", "", "FACTLINE_GRAPHQL_MAX_DEPTH", "", "FACTLINE_INGEST_MAX_DOCUMENT_BYTES", ""))
                .awaitReady();
        assertThat(Files.readString(service.log)).contains("no token key configured").doesNotContain("signs its own tokens");
        // a configured database is a deployment: it never signs its own tokens
        assertThat(data.resolve("local-key")).doesNotExist();
        for (String token : List.of(DevTokens.of("alice", "ingest"), "")) {
            var request = given().port(service.port).contentType(ContentType.TEXT).body("On 2 June 2022, a text.");
            (token.isEmpty() ? request : request.auth().oauth2(token)).post("/api/documents").then().statusCode(401)
                    .contentType("application/problem+json");
        }
        given().port(service.port).get("/api/documents").then().statusCode(200).body("items.size()", equalTo(0));
        // the empty FACTLINE_GRAPHQL_MAX_DEPTH left the default depth limit (12) in place, not no limit
        given().port(service.port).contentType(ContentType.JSON)
                .body(Map.of("query", Api.tooDeepQuery())).post("/graphql").then()
                .statusCode(200).body("errors[0].message", org.hamcrest.Matchers.containsString("depth"));
    }

    @Test
    void thePackageHoldsNoPrivateKey() throws IOException {
        // the development key pair is for the dev and test profiles; the image copies target/quarkus-app
        Path app = PackagedService.JAR.getParent();
        List<Path> jars; // ours: the runner, the application and the generated classes (lib/ holds third parties')
        try (var files = Files.walk(app)) {
            jars = files.filter(p -> p.toString().endsWith(".jar") && !p.startsWith(app.resolve("lib"))).toList();
        }
        assertThat(jars).isNotEmpty();
        for (Path jar : jars) {
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                for (var entry : java.util.Collections.list(zip.entries())) {
                    assertThat(entry.getName()).as(jar.toString()).doesNotContain("private-key").doesNotEndWith(".pem");
                    if (!entry.isDirectory() && entry.getSize() < 1_000_000) {
                        String content = new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                        assertThat(content).as(jar + "!" + entry.getName()).doesNotContain("PRIVATE KEY-----");
                    }
                }
            }
        }
    }

    private static Map<String, String> pairs(String... namesAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private int start(Path data, Map<String, String> extraEnv) throws IOException {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("FACTLINE_DATA_DIR", data.toString());
        service = PackagedService.start(env).awaitReady();
        return service.port;
    }
}
