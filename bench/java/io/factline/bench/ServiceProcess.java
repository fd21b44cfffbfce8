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

import io.factline.testing.DevTokens;

/** The packaged service (target/quarkus-app), started against the benchmark database with a pool of 4. */
final class ServiceProcess implements AutoCloseable {

    final int port;
    private final Process process;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static ServiceProcess start(BenchDatabase db) throws Exception {
        return start(Map.of("FACTLINE_DB_URL", db.url(), "FACTLINE_DB_USER", db.user, "FACTLINE_DB_PASSWORD", db.password,
                "FACTLINE_DB_POOL_SIZE", "4"), Path.of("target", "bench-service.log"));
    }

    /** The service on its embedded PostgreSQL, with its data in a folder of its own (the quick start's way). */
    static ServiceProcess embedded(Path dataDir, Path log) throws Exception {
        return start(Map.of("FACTLINE_DATA_DIR", dataDir.toAbsolutePath().toString()), log);
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
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("FACTLINE_") || name.startsWith("QUARKUS_"));
        env.putAll(settings);
        env.put("FACTLINE_SEEDS_ENABLED", "false");
        env.put("FACTLINE_HTTP_PORT", Integer.toString(port));
        env.put("FACTLINE_JWT_PUBLIC_KEY_LOCATION", Path.of("src", "dev", "jwt", "public-key.pem").toAbsolutePath().toString());
        env.put("FACTLINE_JWT_ISSUER", DevTokens.ISSUER);
        ServiceProcess service = new ServiceProcess(port, builder.start());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!service.ready()) {
            if (!service.process.isAlive() || System.nanoTime() > deadline) {
                service.close();
                throw new IllegalStateException("the service did not start; see " + log);
            }
            Thread.sleep(500);
        }
        return service;
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

    private boolean ready() {
        try {
            return get("/q/health/ready").statusCode() == 200;
        } catch (IOException | InterruptedException notYet) {
            return false;
        }
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
