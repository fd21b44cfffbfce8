package io.factline.boot;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run from the binaries on the class path (Maven Central's
 * {@code io.zonky.test.postgres} artifacts), with its data in a folder of our choosing.
 *
 * <p>PostgreSQL refuses to run as root. Started by root, the server runs either in a user namespace
 * where it is not root ({@code unshare -U}), or, where user namespaces are not allowed, as an
 * unprivileged user through {@code setpriv} (see {@link ServerUser}).
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    public static final String SUPERUSER = "postgres";

    /** How the server's processes get a non-root identity. */
    public enum Privileges {
        /** Not root: run as we are. */
        CURRENT_USER,
        /** Root: run inside a user namespace, where the process is not uid 0. */
        USER_NAMESPACE,
        /** Root: run as another, unprivileged user. */
        RUN_AS_USER
    }

    /** How {@link #stop} ends the server. */
    public enum StopMode {
        /** Disconnects the clients and shuts down cleanly, as {@link #close} does. */
        FAST,
        /** Ends the server's processes at once, as a crash would: the next start recovers from the write-ahead log. */
        IMMEDIATE
    }

    /**
     * @param root       folder holding the data directory, its lock and the server log
     * @param binaries   folder the binaries are unpacked into (shared between servers)
     * @param port       TCP port on 127.0.0.1, or 0 for any free port
     * @param durable    false turns off fsync, for throw-away test databases
     * @param privileges null to choose automatically
     * @param runAsUser  the user for {@link Privileges#RUN_AS_USER}, or null for postgres, else nobody
     */
    public record Settings(Path root, Path binaries, int port, boolean durable, Privileges privileges, String runAsUser) {

        public Settings {
            root = root.toAbsolutePath().normalize();
            binaries = binaries.toAbsolutePath().normalize();
        }

        public Path dataDirectory() {
            return root.resolve("data");
        }
    }

    private final FolderLock lock;
    private final PgCtl pgCtl;
    private boolean running = true;
    private boolean closed;

    private EmbeddedPostgres(FolderLock lock, PgCtl pgCtl) {
        this.lock = lock;
        this.pgCtl = pgCtl;
    }

    public static EmbeddedPostgres start(Settings settings) throws IOException {
        FolderLock lock = FolderLock.take(settings.root());
        try {
            PostgresBinaries binaries = PostgresBinaries.unpack(settings.binaries());
            ServerUser user = ServerUser.choose(settings, binaries);
            int port = settings.port() != 0 ? settings.port() : freePort();
            PgCtl pgCtl = new PgCtl(binaries, settings, user, port);
            InitDb.initialiseIfNeeded(settings, binaries, user);
            pgCtl.stopOrphan();
            pgCtl.start();
            return new EmbeddedPostgres(lock, pgCtl);
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    public int port() {
        return pgCtl.port();
    }

    /** A URL in the form both the reactive client and, prefixed with {@code jdbc:}, JDBC accept. */
    public String url(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String jdbcUrl(String database) {
        return "jdbc:" + url(database);
    }

    public Settings settings() {
        return pgCtl.settings();
    }

    public String runsAs() {
        return pgCtl.user().description();
    }

    public void createDatabaseIfMissing(String name) {
        DatabaseCreation.createIfMissing(jdbcUrl("postgres"), name);
    }

    /**
     * Stops the server but keeps its folder locked, so that {@link #startAgain} brings it back with
     * the same data on the same port, for tests of what clients do while their database is away.
     * Nothing reserves the port meanwhile.
     */
    public synchronized void stop(StopMode mode) {
        requireOpen();
        if (running) {
            stopServer(mode);
        }
    }

    /** Starts the server stopped by {@link #stop} again; returns once it accepts connections. */
    public synchronized void startAgain() {
        requireOpen();
        if (!running) {
            running = true; // a start that fails may leave a server coming up, which close should still stop
            pgCtl.start();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (running) {
                stopServer(StopMode.FAST);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not stop the embedded PostgreSQL cleanly: %s", e.getMessage());
        } finally {
            try {
                lock.release();
            } catch (IOException e) {
                LOG.debug("releasing the embedded PostgreSQL lock", e);
            }
        }
    }

    private void stopServer(StopMode mode) {
        pgCtl.stop(mode);
        running = false;
        LOG.infof("embedded PostgreSQL on port %d stopped", port());
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the embedded PostgreSQL on port " + port() + " is closed");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
