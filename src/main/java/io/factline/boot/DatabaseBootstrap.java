package io.factline.boot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.factline.config.MappingDefaults;

/**
 * Decides, before Quarkus starts, where the database is: the configured URL if there is one,
 * otherwise an embedded PostgreSQL with its data in the data folder (default {@code .factline/}
 * under the working directory), so that one command runs the service on a machine with only a JDK;
 * and, there, lets the installation sign its own tokens when no identity provider is configured.
 */
final class DatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    static final String DATABASE = "factline";

    private DatabaseBootstrap() {
    }

    static Optional<EmbeddedPostgres> startEmbeddedIfNoneConfigured() throws IOException {
        if (setting("factline.db.url").isPresent() || setting("quarkus.datasource.reactive.url").isPresent()) {
            return Optional.empty();
        }
        if (!Boolean.parseBoolean(settingOrDefault("factline.embedded-db.enabled"))) {
            throw new IllegalStateException("no database configured: set FACTLINE_DB_URL "
                    + "(e.g. postgresql://127.0.0.1:5432/factline), or allow the embedded one");
        }
        Path dataFolder = dataFolder();
        EmbeddedPostgres.Settings settings = new EmbeddedPostgres.Settings(
                dataFolder.resolve("postgres"), dataFolder.resolve("postgres-binaries"),
                setting("factline.embedded-db.port").map(Integer::parseInt).orElse(0), true,
                setting("factline.embedded-db.privileges").map(EmbeddedPostgres.Privileges::valueOf).orElse(null),
                setting("factline.embedded-db.user").orElse(null));
        EmbeddedPostgres server = EmbeddedPostgres.start(settings);
        try {
            server.createDatabaseIfMissing(DATABASE);
            LocalWrites.setUpIfNoProvider(dataFolder);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        System.setProperty("factline.db.url", server.url(DATABASE));
        System.setProperty("factline.db.user", EmbeddedPostgres.SUPERUSER);
        System.setProperty("factline.db.password", "");
        LOG.infof("no database configured: using the embedded PostgreSQL at %s (data in %s)",
                server.url(DATABASE), settings.dataDirectory());
        return Optional.of(server);
    }

    /** Where the embedded database and the local signing key keep their files. */
    static Path dataFolder() {
        return Path.of(settingOrDefault("factline.data-dir"));
    }

    /** A setting as {@link #setting}, else its default from the mapping. */
    static String settingOrDefault(String name) {
        return setting(name).or(() -> MappingDefaults.factline(name))
                .orElseThrow(() -> new IllegalStateException(name + " has no default in FactlineConfig"));
    }

    /** A setting from a system property or its environment variable (factline.db.url → FACTLINE_DB_URL). */
    static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
