package io.factline.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.factline.testing.DevTokens;

/** The packaged service (target/quarkus-app), started against the benchmark database with a pool of 4. */
final class ServiceProcess implements AutoCloseable {

    /** No checkpoint movement for this long while not ready is a failure, not a slow start. */
    static final Duration STALL = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    final int port;
    private final Process process;
    private final Path log;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Started and answering, not yet ready (see {@link #awaitReady()}). */
    static ServiceProcess start(BenchDatabase db) throws Exception {
        return start(db, Map.of(), Path.of("target", "bench-service.log"));
    }

    /** The same, with some settings of its own. */
    static ServiceProcess start(BenchDatabase db, Map<String, String> more, Path log) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("FACTLINE_DB_URL", db.url(), "FACTLINE_DB_USER", db.user,
                "FACTLINE_DB_PASSWORD", db.password, "FACTLINE_DB_POOL_SIZE", "4"));
        settings.putAll(more);
        return start(settings, log);
    }

    /** The service on its embedded PostgreSQL, with its data in a folder of its own (the quick start's way); ready. */
    static ServiceProcess embedded(Path dataDir, Path log) throws Exception {
        ServiceProcess service = start(Map.of("FACTLINE_DATA_DIR", dataDir.toAbsolutePath().toString()), log);
        service.awaitReady();
        return service;
    }

    private static ServiceProcess start(Map<String, String> settings, Path log) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the service first: ./mvnw package -DskipTests");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // e.g. a JFR recording or another collector, to profile the service as the benchmark loads it
        String options = Bench.env("FACTLINE_BENCH_SERVICE_JAVA_OPTIONS", "");
        if (!options.isBlank()) {
            command.addAll(java.util.Arrays.asList(options.trim().split("\\s+")));
        }
        command.addAll(java.util.List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("FACTLINE_") || name.startsWith("QUARKUS_"));
        env.putAll(settings);
        env.put("FACTLINE_SEEDS_ENABLED", "false");
        env.put("FACTLINE_HTTP_PORT", Integer.toString(port));
        env.put("FACTLINE_JWT_PUBLIC_KEY_LOCATION", Path.of("src", "dev", "jwt", "public-key.pem").toAbsolutePath().toString());
        env.put("FACTLINE_JWT_ISSUER", DevTokens.ISSUER);
        ServiceProcess service = new ServiceProcess(port, builder.start(), log);
        // answering HTTP, not yet ready: readiness waits for the views, which may take many minutes
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!service.answers("/q/health/live")) {
            if (!service.process.isAlive() || System.nanoTime() > deadline) {
                service.close();
                throw new IllegalStateException("the service did not start; see " + log);
            }
            Thread.sleep(500);
        }
        return service;
    }

    /** Where the views are: GET /api/admin/projections. */
    record Projection(long checkpoint, long head, long lag) {
    }

    Projection projection() throws IOException, InterruptedException {
        HttpResponse<String> response = probe("/api/admin/projections");
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/admin/projections: " + response.statusCode() + " " + response.body());
        }
        JsonNode status = JSON.readTree(response.body());
        return new Projection(status.get("checkpoint").asLong(), status.get("head").asLong(), status.get("lag").asLong());
    }

    /**
     * Waits until the service is ready, however long the views take to catch up with the log, printing
     * their progress every 10 s; fails only if the process dies or the checkpoint stops moving for
     * STALL (the views stuck, or readiness down for another reason).
     */
    void awaitReady() throws Exception {
        long started = System.nanoTime();
        long lastPrint = started;
        long lastMove = started;
        Projection before = null;
        Projection printed = null;
        while (!answers("/q/health/ready")) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped before it was ready; see " + log);
            }
            Thread.sleep(1000);
            Projection now = projectionOrNull();
            if (now != null && (before == null || now.checkpoint() != before.checkpoint())) {
                lastMove = System.nanoTime();
                before = now;
            }
            if (System.nanoTime() - lastMove > STALL.toNanos()) {
                HttpResponse<String> readiness = probe("/q/health/ready");
                throw new IllegalStateException("the views made no progress for " + STALL.toMinutes() + " min ("
                        + (before == null ? "no status" : before) + ") and the service is not ready: "
                        + readiness.body().replaceAll("\\s+", " ") + "; see " + log);
            }
            if (now != null && System.nanoTime() - lastPrint >= TimeUnit.SECONDS.toNanos(10)) {
                double seconds = (System.nanoTime() - lastPrint) / 1e9;
                // the bench appends nothing meanwhile, so the lag falls by what the projector applies
                double perSecond = printed == null ? Double.NaN : (printed.lag() - now.lag()) / seconds;
                System.out.printf("  waiting for the views: lag %,d events, checkpoint %,d, head %,d%s%n", now.lag(),
                        now.checkpoint(), now.head(), Double.isNaN(perSecond) ? ""
                                : perSecond <= 0 ? ", the lag is not falling"
                                : String.format(", %,.0f events/s, about %s to go", perSecond, duration(now.lag() / perSecond)));
                printed = now;
                lastPrint = System.nanoTime();
            }
        }
        if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(10)) {
            System.out.printf("  the service is ready (after %.0f s)%n", (System.nanoTime() - started) / 1e9);
        }
    }

    private static String duration(double seconds) {
        return seconds < 120 ? String.format("%.0f s", seconds) : String.format("%.0f min", seconds / 60);
    }

    private Projection projectionOrNull() {
        try {
            return projection();
        } catch (IOException | RuntimeException notNow) {
            return null; // counts as no progress
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The resident memory of the service's process in bytes (Linux), or -1 where it cannot be read. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            return -1;
        }
        return -1;
    }

    private boolean answers(String path) {
        try {
            return probe(path).statusCode() == 200;
        } catch (IOException | InterruptedException notYet) {
            return false;
        }
    }

    /** A GET that gives up after 30 s, so that a hung service cannot hang the wait. */
    private HttpResponse<String> probe(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(30))
                        .header("Authorization", "Bearer " + DevTokens.of("bench", "ingest", "curate", "admin"))
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Rebuilds every view; returns the service's report {events, position, millis}. */
    String rebuild() throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/admin/projections/rebuild", "");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("rebuild failed: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
