package io.factline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * The GraphQL-over-HTTP server audit of the graphql-http npm package (src/test/audit, versions
 * pinned by its package-lock.json), run under Node against this server: no audit may end in an
 * error or a warning. Notices (optional behaviours) are printed and written to
 * target/graphql-http-audit/report.txt. Then graphql-js's getIntrospectionQuery(), plain and with
 * GraphiQL's options, must answer a schema graphql-js builds. Skipped where Node is missing;
 * .ci/run installs it.
 */
@QuarkusTest
class GraphQLHttpAuditTest {

    private static final Path SOURCES = Path.of("src/test/audit");
    private static final Path WORK = Path.of("target/graphql-http-audit");

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void theServerAuditEndsWithoutErrorsOrWarnings() throws Exception {
        Assumptions.assumeTrue(runs("node", "--version") && runs("npm", "--version"),
                "Node.js and npm are not installed here: the graphql-http audit is skipped (.ci/run installs them)");
        install();
        List<JsonObject> results = new ArrayList<>();
        for (String line : run(WORK, "node", "audit.mjs", "http://localhost:" + RestAssured.port + "/graphql")) {
            if (line.startsWith("{")) {
                results.add(new JsonObject(line));
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        StringBuilder report = new StringBuilder();
        for (JsonObject result : results) {
            counts.merge(result.getString("status"), 1, Integer::sum);
            report.append(result.getString("status")).append('\t').append(result.getString("id")).append('\t')
                    .append(result.getString("name"));
            if (result.containsKey("reason")) {
                report.append("\n\t").append(result.getString("reason")).append(' ').append(result.getValue("response"));
            }
            report.append('\n');
        }
        Files.writeString(WORK.resolve("report.txt"), report);
        System.out.println("[graphql-http audit] " + results.size() + " results (the audits, then graphql-js introspection): " + counts + "\n" + report);
        List<JsonObject> introspections = results.stream().filter(r -> r.getString("id").startsWith("introspection-")).toList();
        assertThat(introspections).as("graphql-js introspection queries").hasSize(2)
                .allSatisfy(r -> assertThat(r.getInteger("queries")).as(r.encode()).isGreaterThanOrEqualTo(9));
        assertThat(results.size() - introspections.size()).as("audits run").isGreaterThan(50);
        assertThat(results).as("audits in error or warning:\n" + report)
                .noneMatch(r -> r.getString("status").equals("error") || r.getString("status").equals("warn"));
    }

    /** npm ci into target/, once per lock file. */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        boolean changed = false;
        for (String file : new String[]{"package.json", "package-lock.json", "audit.mjs"}) {
            Path target = WORK.resolve(file);
            byte[] source = Files.readAllBytes(SOURCES.resolve(file));
            if (!Files.exists(target) || !java.util.Arrays.equals(source, Files.readAllBytes(target))) {
                Files.copy(SOURCES.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                changed = !file.endsWith(".mjs") || changed;
            }
        }
        if (changed || !Files.isDirectory(WORK.resolve("node_modules/graphql-http"))) {
            run(WORK, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        }
    }

    private static boolean runs(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<String> run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command) + " finishes").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " failed:\n" + output).isZero();
        return output.lines().toList();
    }
}
