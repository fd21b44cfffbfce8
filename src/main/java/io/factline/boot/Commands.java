package io.factline.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the programs the embedded PostgreSQL is managed with (id, unshare, setpriv, chown, initdb, pg_ctl). */
final class Commands {

    private static final long TIMEOUT_SECONDS = 180;

    private Commands() {
    }

    /**
     * Runs a command to its end and returns what it printed (standard output and error together).
     *
     * @throws IllegalStateException when it cannot start, exits with other than 0 (with its output), or times out
     */
    static String run(List<String> command) {
        Path output = null;
        try {
            // output goes to a file, not a pipe, so that a silent hung process cannot outlast the timeout
            output = Files.createTempFile("factline-pg", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed (exit " + process.exitValue() + "): "
                        + String.join(" ", command) + "\n" + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
