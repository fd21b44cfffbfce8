package io.factline.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.factline.evaluation.DevSet;
import io.factline.evaluation.Evaluation;
import io.factline.evaluation.GoldScorer;

/**
 * The evaluation command (bench/eval): starts the packaged service on a fresh embedded database,
 * ingests every development document over REST as a client would (text, title and URL; no date),
 * reads each document's facts back over REST, scores them with the Java scorer and with score.py
 * (which must agree), and prints and writes the report (target/eval/report.md).
 */
public final class DevSetOverRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUT = Path.of("target", "eval");

    public static void main(String[] args) throws Exception {
        Path data = OUT.resolve("service-data");
        deleteTree(data);
        Evaluation evaluation = new Evaluation();
        List<String> disagreements = new ArrayList<>();
        String version;
        long rss;
        long ingestMillis = 0;
        System.out.println("starting the packaged service on a fresh embedded database (" + data + ")");
        try (ServiceProcess service = ServiceProcess.embedded(data, OUT.resolve("service.log"))) {
            version = null;
            for (DevSet.Document doc : DevSet.load()) {
                long t0 = System.nanoTime();
                String id = ingest(service, doc);
                ingestMillis += TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                List<JsonNode> facts = facts(service, id);
                for (JsonNode f : facts) {
                    version = version != null ? version : f.path("extraction").path("extractorVersion").asText(null);
                }
                Path factsFile = OUT.resolve("rest").resolve(doc.name() + ".facts.json");
                Evaluation.write(factsFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(facts));
                Evaluation.Row row = evaluation.add(doc, facts);
                String disagreement = scorePyDisagrees(doc, factsFile, row.score());
                if (disagreement != null) {
                    disagreements.add(doc.name() + ": " + disagreement);
                }
                System.out.printf(Locale.ROOT, "  %-56s %3d facts  F1 %.3f%n", doc.name(), facts.size(), row.score().f1());
            }
            rss = service.residentBytes();
        }
        String agreement = disagreements.isEmpty()
                ? (python() == null ? "score.py not run (no python3 here)." : "score.py agrees with the Java scorer on every document.")
                : "score.py DISAGREES: " + String.join("; ", disagreements);
        String preamble = String.format(Locale.ROOT, """
                Run on %s by `bench/eval`: the packaged service on a fresh embedded PostgreSQL, each development \
                document ingested over REST (`POST /api/documents` with its text, title and URL), its facts read \
                back with `GET /api/documents/{id}/facts`. Extractor `%s`. Ingesting the %d documents took %.1f s; \
                the service's resident memory afterwards: %s. %s""",
                LocalDate.now(), version, evaluation.rows().size(), ingestMillis / 1000.0,
                rss < 0 ? "unknown" : (rss >> 20) + " MiB", agreement);
        Path report = OUT.resolve("report.md");
        Evaluation.write(report, evaluation.markdown("factline evaluation over REST", preamble));
        System.out.println();
        System.out.println(evaluation.summary());
        System.out.println(agreement);
        System.out.println("report: " + report);
        if (!disagreements.isEmpty()) {
            System.exit(1);
        }
    }

    private static String ingest(ServiceProcess service, DevSet.Document doc) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("text", doc.text()).put("title", doc.title());
        String url = doc.source().split("\\s+")[0];
        if (url.startsWith("http")) {
            body.put("url", url);
        }
        HttpResponse<String> response = service.post("/api/documents", JSON.writeValueAsString(body));
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("ingesting " + doc.name() + " failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** The document's facts, every page, each with only this document's sources (a corroborated fact has others). */
    private static List<JsonNode> facts(ServiceProcess service, String documentId) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/documents/" + documentId + "/facts?limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = service.get(path);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            for (JsonNode f : page.get("items")) {
                ArrayNode own = JSON.createArrayNode();
                f.path("sources").forEach(s -> {
                    if (documentId.equals(s.path("document").path("id").asText())) {
                        own.add(s);
                    }
                });
                ((ObjectNode) f).set("sources", own);
                all.add(f);
            }
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText(null);
        } while (cursor != null);
        return all;
    }

    /** Runs score.py on the same facts; null when it agrees (or cannot run), else what differs. */
    private static String scorePyDisagrees(DevSet.Document doc, Path factsFile, GoldScorer.Score java)
            throws IOException, InterruptedException {
        String python = python();
        if (python == null) {
            return null;
        }
        Path textFile = OUT.resolve("rest").resolve(doc.name() + ".txt");
        Evaluation.write(textFile, doc.text());
        Process p = new ProcessBuilder(python, "src/test/resources/eval/score.py", doc.goldFile().toString(),
                textFile.toString(), factsFile.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return "score.py failed: " + out;
        }
        JsonNode py = JSON.readTree(out);
        Map<String, double[]> pairs = new LinkedHashMap<>();
        pairs.put("precision", new double[] {py.get("precision").asDouble(), round(java.precision())});
        pairs.put("recall", new double[] {py.get("recall").asDouble(), round(java.recall())});
        pairs.put("f1", new double[] {py.get("f1").asDouble(), round(java.f1())});
        pairs.put("matched", new double[] {py.get("matched").asDouble(), java.matched()});
        pairs.put("counted", new double[] {py.get("counted").asDouble(), java.counted()});
        pairs.put("required", new double[] {py.get("required").asDouble(), java.required()});
        for (Map.Entry<String, double[]> e : pairs.entrySet()) {
            // counts exactly; ratios within score.py's rounding to three places
            if (Math.abs(e.getValue()[0] - e.getValue()[1]) > (Character.isLetter(e.getKey().charAt(0)) && !e.getKey().matches("precision|recall|f1") ? 0 : 0.0011)) {
                return e.getKey() + " " + e.getValue()[0] + " (score.py) vs " + e.getValue()[1] + " (Java)";
            }
        }
        return null;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String python() {
        for (String candidate : List.of("/usr/bin/python3", "/usr/local/bin/python3")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
