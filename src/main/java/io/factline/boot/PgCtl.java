package io.factline.boot;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;

import io.factline.boot.EmbeddedPostgres.Settings;
import io.factline.boot.EmbeddedPostgres.StopMode;

/** Starts and stops the server process with pg_ctl, always on the same port and data directory. */
record PgCtl(PostgresBinaries binaries, Settings settings, ServerUser user, int port) {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);

    /** Returns once the server accepts connections, which after a crash is once it has recovered. */
    void start() {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                + " -c max_connections=100 -c shared_buffers=128MB"
                + (settings.durable() ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        pgCtl(List.of("start", "-w", "-t", "120", "-l", settings.dataDirectory().resolve("postgres.log").toString(),
                "-o", options));
        LOG.infof("embedded PostgreSQL %s started on 127.0.0.1:%d as %s, data in %s",
                binaries.home().getFileName(), port, user.description(), settings.dataDirectory());
    }

    /** Returns once the server has exited. */
    void stop(StopMode mode) {
        pgCtl(List.of("stop", "-m", mode.name().toLowerCase(Locale.ROOT), "-w", "-t", "60"));
    }

    /** Only to be called holding the folder's lock: the server it finds running is no one else's. */
    void stopOrphan() {
        if (!Files.exists(settings.dataDirectory().resolve("postmaster.pid"))) {
            return;
        }
        if (isRunning()) {
            LOG.warnf("stopping a PostgreSQL server left running in %s", settings.dataDirectory());
            stop(StopMode.FAST);
        }
    }

    private boolean isRunning() {
        try {
            pgCtl(List.of("status"));
            return true;
        } catch (IllegalStateException notRunning) {
            return false;
        }
    }

    private void pgCtl(List<String> args) {
        List<String> command = new ArrayList<>(List.of(binaries.program("pg_ctl"), "-D", settings.dataDirectory().toString()));
        command.addAll(args);
        user.run(command);
    }
}
