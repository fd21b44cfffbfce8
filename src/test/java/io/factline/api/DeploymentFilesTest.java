package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/**
 * No Docker engine runs here, so the deployment files are checked against the application itself:
 * the settings they pass are ones the application reads, the port and health path are the ones it
 * serves, and the image runs the fast-jar the build makes.
 */
@QuarkusTest
class DeploymentFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PROPERTY = Pattern.compile("\\b(factline(?:\\.[a-z0-9-]+)+)");

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    /** Every factline.* setting the application reads: application.properties and @ConfigProperty names. */
    static Set<String> settings() throws IOException {
        Set<String> names = new HashSet<>();
        Matcher m = PROPERTY.matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        while (m.find()) {
            names.add(m.group(1));
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path p : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher n = PROPERTY.matcher(Files.readString(p));
                while (n.find()) {
                    names.add(n.group(1));
                }
            }
        }
        return names;
    }

    /** FACTLINE_DB_URL → factline.db.url (MicroProfile Config's mapping of environment variables). */
    static String property(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static boolean known(Set<String> settings, String variable) {
        String dotted = property(variable);
        return settings.stream().anyMatch(s -> s.replace('-', '.').equals(dotted));
    }

    @Test
    void composePassesOnlySettingsTheServiceReadsAndProbesItsRealReadinessEndpoint() throws IOException {
        JsonNode compose = YAML.readTree(Path.of("deployment/docker-compose.yml").toFile());
        JsonNode service = compose.path("services").path("factline");
        Set<String> settings = settings();
        service.path("environment").fieldNames().forEachRemaining(variable ->
                assertThat(known(settings, variable)).as("%s is a setting factline reads", variable).isTrue());
        assertThat(service.path("depends_on").path("db").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(service.path("ports").get(0).asText()).endsWith(":8080");
        assertThat(service.path("build").path("dockerfile").asText()).isEqualTo("deployment/Dockerfile");
        assertThat(compose.path("services").path("db").path("volumes").get(0).asText()).startsWith("factline-db:");
        assertThat(compose.path("volumes").has("factline-db")).isTrue();

        String probe = service.path("healthcheck").path("test").get(1).asText();
        Matcher path = Pattern.compile("GET (\\S+) HTTP").matcher(probe);
        assertThat(path.find()).isTrue();
        assertThat(probe).contains("/dev/tcp/127.0.0.1/8080");
        given().get(path.group(1)).then().statusCode(200); // the same endpoint, on the running application
        String db = compose.path("services").path("db").path("environment").path("POSTGRES_DB").asText();
        assertThat(service.path("environment").path("FACTLINE_DB_URL").asText()).isEqualTo("postgresql://db:5432/" + db);
    }

    @Test
    void theImageRunsTheFastJarAsNonRootWithSettingsTheServiceReads() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("deployment/Dockerfile"));
        Set<String> settings = settings();
        Matcher env = Pattern.compile("\\b(FACTLINE_[A-Z0-9_]+)=").matcher(String.join("\n", lines));
        int count = 0;
        while (env.find()) {
            count++;
            assertThat(known(settings, env.group(1))).as("%s is a setting factline reads", env.group(1)).isTrue();
        }
        assertThat(count).isPositive();
        assertThat(lines).anyMatch(l -> l.startsWith("USER 185"));
        assertThat(lines).anyMatch(l -> l.contains("ENTRYPOINT [\"java\", \"-jar\", \"/deployments/quarkus-run.jar\"]"));
        // RunCommandIT starts target/quarkus-app/quarkus-run.jar exactly as this entry point does
        assertThat(lines).anyMatch(l -> l.startsWith("FROM eclipse-temurin:17-jre"));
    }
}
