package io.factline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load from wrk (Debian package wrk), a client as light as pgbench is on the SQL side: on two
 * cores a heavier client would take CPU from the service under test and lower its figure.
 */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("\\s(50|99)%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private Wrk() {
    }

    static boolean available() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Timed.Result run(int port, int clients, Duration warmUp, Duration measure, String luaScript) throws Exception {
        Path script = Files.createTempFile("factline-bench", ".lua");
        Files.writeString(script, luaScript);
        try {
            wrk(port, clients, warmUp, script);
            String output = wrk(port, clients, measure, script);
            Matcher rate = RATE.matcher(output);
            Matcher errors = ERRORS.matcher(output);
            if (!rate.find() || errors.find()) {
                throw new IllegalStateException("wrk failed:\n" + output);
            }
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            Matcher percentile = PERCENTILE.matcher(output);
            while (percentile.find()) {
                double value = Double.parseDouble(percentile.group(2))
                        * switch (percentile.group(3)) { case "us" -> 0.001; case "s" -> 1000.0; default -> 1.0; };
                if (percentile.group(1).equals("50")) {
                    p50 = value;
                } else {
                    p99 = value;
                }
            }
            double perSecond = Double.parseDouble(rate.group(1));
            return new Timed.Result(perSecond, p50, p99, (long) (perSecond * measure.toSeconds()));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static String wrk(int port, int clients, Duration duration, Path script) throws Exception {
        Process process = new ProcessBuilder(List.of("wrk", "-t", Integer.toString(Math.min(clients, 2)),
                "-c", Integer.toString(clients), "-d", Math.max(1, duration.toSeconds()) + "s", "--latency",
                "-s", script.toString(), "http://127.0.0.1:" + port)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}
