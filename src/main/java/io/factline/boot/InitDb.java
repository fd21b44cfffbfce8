package io.factline.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.factline.boot.EmbeddedPostgres.Settings;

/** Makes the data directory with initdb on the first start, and refuses a folder that holds something else. */
final class InitDb {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);

    private InitDb() {
    }

    static void initialiseIfNeeded(Settings settings, PostgresBinaries binaries, ServerUser user) throws IOException {
        Path data = settings.dataDirectory();
        if (Files.exists(data.resolve("PG_VERSION"))) {
            return;
        }
        if (Files.exists(data)) {
            try (Stream<Path> entries = Files.list(data)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(data + " is not empty and holds no PostgreSQL data directory");
                }
            }
            Files.delete(data);
        }
        // initdb into a scratch folder, then rename: a crash half way leaves no half-made data directory
        Path scratch = settings.root().resolve("data.initdb-" + UUID.randomUUID());
        createPrivateFolder(scratch, user);
        List<String> args = List.of(binaries.program("initdb"), "-A", "trust", "-U", EmbeddedPostgres.SUPERUSER,
                "-E", "UTF8", "--no-instructions", "-D", scratch.toString());
        try {
            user.run(with(args, "--locale=C.UTF-8"));
        } catch (IllegalStateException noUtf8Locale) {
            Folders.deleteTree(scratch);
            createPrivateFolder(scratch, user);
            user.run(with(args, "--locale=C"));
        }
        Files.move(scratch, data, StandardCopyOption.ATOMIC_MOVE);
        LOG.infof("initialised a PostgreSQL data directory in %s", data);
    }

    /** PostgreSQL refuses a data directory that others can read, or that its user does not own. */
    private static void createPrivateFolder(Path folder, ServerUser user) throws IOException {
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        user.own(folder);
    }

    private static List<String> with(List<String> args, String extra) {
        List<String> all = new ArrayList<>(args);
        all.add(extra);
        return all;
    }
}
