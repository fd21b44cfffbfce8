package io.factline.boot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.vertx.http.HttpServerStart;

/**
 * Once the service listens, says how to write to an installation that signs its own tokens (see
 * {@link LocalWrites}): the whole token and a {@code curl} line that ingests a document when the
 * token is new, a pointer to the token's file on every later start.
 */
@ApplicationScoped
class LocalWritesAnnouncement {

    private static final Logger LOG = Logger.getLogger(LocalWritesAnnouncement.class);
    static final String EXAMPLE_TEXT = "On 3 March 2025, South Korea and the United States signed an agreement on shipbuilding.";

    // fired (asynchronously) once per event loop that listens
    private final AtomicBoolean announced = new AtomicBoolean();

    void announce(@ObservesAsync HttpServerStart started) {
        if (!announced.compareAndSet(false, true)) {
            return;
        }
        Optional<String> tokenFile = ConfigProvider.getConfig().getOptionalValue(LocalWrites.TOKEN_FILE, String.class);
        if (tokenFile.isEmpty()) {
            return;
        }
        boolean fresh = ConfigProvider.getConfig().getOptionalValue(LocalWrites.FRESH, Boolean.class).orElse(false);
        String expires = ConfigProvider.getConfig().getOptionalValue(LocalWrites.EXPIRES, String.class).orElse("?");
        if (!fresh) {
            LOG.infof("writes: no identity provider is configured, so this installation signs its own tokens; "
                    + "an admin token (valid until %s) is in %s", expires, tokenFile.get());
            return;
        }
        String token = read(Path.of(tokenFile.get()));
        LOG.infof("""
                writes: no identity provider is configured, so this installation signs its own tokens (key in %s).
                An admin token (roles ingest, curate, admin; valid until %s), also kept in %s:

                %s

                Ingest a document with it:

                %s

                (This is printed once; later starts name the file. Configure FACTLINE_JWT_PUBLIC_KEY_LOCATION and
                FACTLINE_JWT_ISSUER to trust your identity provider instead.)""",
                Path.of(tokenFile.get()).getParent(), expires, tokenFile.get(), token, curl(token, started.options().getPort()));
    }

    static String curl(String token, int port) {
        return "curl -H \"Authorization: Bearer " + token + "\" -H 'Content-Type: text/plain; charset=UTF-8' "
                + "--data-binary '" + EXAMPLE_TEXT + "' 'http://localhost:" + port + "/api/documents?title=My%20first%20document'";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
