package io.factline.run;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.factline.testing.DevTokens;

/**
 * The packaged service started as the image's entry point starts it: {@code java -jar
 * quarkus-run.jar}, configured by environment variables only (none inherited from this JVM's
 * FACTLINE_ or QUARKUS_ ones). It trusts the development key, given the way a deployment gives
 * its provider's key.
 */
final class PackagedService implements AutoCloseable {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    final int port;
    final Path log;
    private final Process process;

    private PackagedService(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the service; call {@link #awaitReady} before using it. */
    static PackagedService start(Map<String, String> environment) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("the packaged service is missing (mvn package): " + JAR);
        }
        int port = freePort();
        Path log = Files.createDirectories(Path.of("target", "run-it")).resolve("service-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("FACTLINE_") || name.startsWith("QUARKUS_"));
        env.put("FACTLINE_HTTP_PORT", Integer.toString(port));
        env.put("FACTLINE_JWT_PUBLIC_KEY_LOCATION", Path.of("src", "dev", "jwt", "public-key.pem").toAbsolutePath().toString());
        env.put("FACTLINE_JWT_ISSUER", DevTokens.ISSUER);
        env.put("FACTLINE_JWT_AUDIENCE", DevTokens.AUDIENCE);
        env.putAll(environment);
        return new PackagedService(port, log, builder.start());
    }

    PackagedService awaitReady() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("the service stopped:\n" + Files.readString(log));
            }
            try {
                return given().port(port).get("/q/health/ready").statusCode() == 200;
            } catch (Exception notListeningYet) {
                return false;
            }
        });
        return this;
    }

    /** SIGTERM, as a container runtime stops it; true when it exited in time. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGKILL: no shutdown hook, no chance to finish what it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the service to end by itself; its exit code. */
    int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service is still running after " + within);
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
