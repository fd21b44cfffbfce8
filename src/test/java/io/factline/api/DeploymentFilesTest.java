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

    /** Every factline.* setting the application reads: application.properties, FactlineConfig and the names in code. */
    static Set<String> settings() throws IOException {
        Set<String> names = new HashSet<>();
        Matcher m = PROPERTY.matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        while (m.find()) {
            names.add(m.group(1));
        }
        names.addAll(io.factline.config.MappingDefaults.factlineNames());
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

    private static JsonNode yaml(String path) throws IOException {
        return YAML.readTree(Path.of(path).toFile());
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    @Test
    void kubernetesBaseAndOverlaysAgreeWithTheApplication() throws IOException {
        String base = "deployment/k8s/base/";
        JsonNode kustomization = yaml(base + "kustomization.yaml");
        for (JsonNode resource : kustomization.path("resources")) {
            assertThat(Path.of(base + resource.asText())).as("listed resource").exists();
        }
        JsonNode deployment = yaml(base + "deployment.yaml");
        JsonNode container = container(deployment);
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(deployment.path("spec").path("template").path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.path("resources").path("limits").has("memory")).isTrue();
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            String path = container.path(probe).path("httpGet").path("path").asText();
            given().get(path).then().statusCode(200); // the probe's path answers on the running application
        }
        assertThat(kustomization.path("images").get(0).path("name").asText()).isEqualTo(container.path("image").asText());
        Set<String> settings = settings();
        yaml(base + "configmap.yaml").path("data").fieldNames().forEachRemaining(variable ->
                assertThat(known(settings, variable)).as("%s is a setting factline reads", variable).isTrue());
        assertThat(yaml(base + "hpa.yaml").path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(yaml(base + "pdb.yaml").path("spec").path("minAvailable").asInt()).isPositive();
        assertThat(yaml(base + "networkpolicy.yaml").path("spec").path("policyTypes").toString()).contains("Egress");

        for (String overlay : List.of("external-db", "cloudnative-pg")) {
            String dir = "deployment/k8s/overlays/" + overlay + "/";
            JsonNode k = yaml(dir + "kustomization.yaml");
            assertThat(k.path("resources").toString()).contains("../../base");
            for (JsonNode resource : k.path("resources")) {
                assertThat(Path.of(dir + resource.asText())).exists();
            }
            JsonNode patch = yaml(dir + k.path("patches").get(0).path("path").asText());
            Set<String> env = new HashSet<>();
            container(patch).path("env").forEach(e -> env.add(e.path("name").asText()));
            assertThat(env).as(overlay).contains("FACTLINE_DB_URL", "FACTLINE_DB_USER", "FACTLINE_DB_PASSWORD");
            env.forEach(variable -> assertThat(known(settings, variable)).as("%s is a setting factline reads", variable).isTrue());
        }
        JsonNode cluster = yaml("deployment/k8s/overlays/cloudnative-pg/cluster.yaml");
        String name = cluster.path("metadata").path("name").asText();
        String cnpgPatch = YAML.writeValueAsString(yaml("deployment/k8s/overlays/cloudnative-pg/database-env.yaml"));
        assertThat(cnpgPatch).contains(name + "-rw:5432/" + cluster.path("spec").path("bootstrap").path("initdb").path("database").asText())
                .contains(name + "-app");
        JsonNode secret = yaml("deployment/k8s/overlays/external-db/secret.template.yaml");
        container(yaml("deployment/k8s/overlays/external-db/database-env.yaml")).path("env").forEach(e ->
                assertThat(secret.path("stringData").has(e.path("valueFrom").path("secretKeyRef").path("key").asText())).isTrue());
    }

    @Test
    void theWorkflowRunsTheReadmesTestCommandBuildsTheImageAndValidatesTheManifests() throws IOException {
        JsonNode jobs = yaml(".github/workflows/ci.yml").path("jobs");
        String all = YAML.writeValueAsString(jobs);
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("./mvnw verify ");
        assertThat(all).contains("./mvnw verify").contains("java-version: \"17\"").contains("cache: \"maven\"")
                .contains("file: \"deployment/Dockerfile\"").contains("push: false")
                .contains("kubeconform").contains("surefire-reports");
        for (String overlay : List.of("external-db", "cloudnative-pg")) {
            assertThat(Path.of("deployment/k8s/overlays", overlay)).isDirectory();
            assertThat(all).contains("for overlay in external-db cloudnative-pg");
        }
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
        // an image never runs its own database nor signs its own tokens
        assertThat(lines).anyMatch(l -> l.contains("FACTLINE_EMBEDDED_DB_ENABLED=false"))
                .anyMatch(l -> l.contains("FACTLINE_LOCAL_WRITES_ENABLED=false"));
        assertThat(lines).anyMatch(l -> l.contains("ENTRYPOINT [\"java\", \"-jar\", \"/deployments/quarkus-run.jar\"]"));
        // RunCommandIT starts target/quarkus-app/quarkus-run.jar exactly as this entry point does
        assertThat(lines).anyMatch(l -> l.startsWith("FROM eclipse-temurin:17-jre"));
    }

    @Test
    void bothBuildersLeaveTheDevelopmentKeysAndBuildOutputOutOfTheImagesContext() throws IOException {
        for (Path ignore : List.of(Path.of(".dockerignore"), Path.of("deployment", "Dockerfile.dockerignore"))) {
            assertThat(Files.readAllLines(ignore)).as(ignore.toString()).contains("src/dev/", "target/", ".factline/");
        }
    }

    @Test
    void everyVariableInTheReadmesTableIsASettingTheServiceReads() throws IOException {
        Set<String> settings = settings();
        Pattern variable = Pattern.compile("`(FACTLINE_[A-Z0-9_]+)`");
        List<String> rows = Files.readAllLines(Path.of("README.md")).stream().filter(l -> l.startsWith("| `FACTLINE_")).toList();
        assertThat(rows).hasSizeGreaterThan(20);
        for (String row : rows) {
            Matcher m = variable.matcher(row.substring(0, row.indexOf('|', 1)));
            while (m.find()) {
                assertThat(known(settings, m.group(1)) || m.group(1).startsWith("FACTLINE_TEST_"))
                        .as("%s is a setting factline reads", m.group(1)).isTrue();
            }
        }
    }
}
