package io.factline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs pgbench with a custom script against a benchmark database: the raw PostgreSQL side of each ratio. */
final class Pgbench {

    record Result(double tps, double latencyMs) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private Pgbench() {
    }

    static Result run(BenchDatabase db, String script, int clients, int seconds) throws IOException, InterruptedException {
        Path file = Files.createTempFile("factline-bench", ".sql");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder(List.of("pgbench", "-h", db.host, "-p", Integer.toString(db.port),
                "-U", db.user, "-n", "-M", "prepared", "-c", Integer.toString(clients),
                "-j", Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(seconds), "-f", file.toString(), db.name))
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", db.password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Files.deleteIfExists(file);
        Matcher tps = TPS.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        if (process.exitValue() != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        return new Result(Double.parseDouble(tps.group(1)), latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN);
    }
}
