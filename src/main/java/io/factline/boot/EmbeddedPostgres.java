package io.factline.boot;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run from the binaries on the class path (Maven Central's
 * {@code io.zonky.test.postgres} artifacts), with its data in a folder of our choosing.
 *
 * <p>PostgreSQL refuses to run as root. Started by root, the server runs either in a user namespace
 * where it is not root ({@code unshare -U}), or, where user namespaces are not allowed, as an
 * unprivileged user through {@code setpriv}.
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

    private final Settings settings;
    private final Path pgHome;
    private final List<String> asServerUser;
    private final String serverOwner;
    private final String description;
    private final FolderLock lock;
    private final int port;
    private boolean closed;

    private EmbeddedPostgres(Settings settings, Path pgHome, List<String> asServerUser, String serverOwner,
                             String description, FolderLock lock, int port) {
        this.settings = settings;
        this.pgHome = pgHome;
        this.asServerUser = asServerUser;
        this.serverOwner = serverOwner;
        this.description = description;
        this.lock = lock;
        this.port = port;
    }

    public static EmbeddedPostgres start(Settings settings) throws IOException {
        FolderLock lock = FolderLock.take(settings.root());
        try {
            Path pgHome = PostgresBinaries.unpack(settings.binaries()).home();
            Privileges privileges = settings.privileges() != null ? settings.privileges() : detectPrivileges();
            List<String> prefix = new ArrayList<>();
            String owner = null;
            String who;
            switch (privileges) {
                case CURRENT_USER -> who = "the current user";
                case USER_NAMESPACE -> {
                    prefix.addAll(List.of("unshare", "-U"));
                    who = "root inside a user namespace";
                }
                case RUN_AS_USER -> {
                    String user = settings.runAsUser() != null ? settings.runAsUser() : defaultServerUser();
                    String uid = Commands.run(List.of("id", "-u", user)).trim();
                    String gid = Commands.run(List.of("id", "-g", user)).trim();
                    prefix.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
                    who = "user " + user + " (uid " + uid + ")";
                    owner = uid + ":" + gid;
                    prepareForUser(settings, pgHome, prefix, uid, gid, user);
                }
                default -> throw new IllegalStateException(privileges.toString());
            }
            int port = settings.port() != 0 ? settings.port() : freePort();
            EmbeddedPostgres server = new EmbeddedPostgres(settings, pgHome, prefix, owner, who, lock, port);
            server.initialiseIfNeeded();
            server.stopOrphan();
            server.startServer();
            return server;
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** A URL in the form both the reactive client and, prefixed with {@code jdbc:}, JDBC accept. */
    public String url(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl(String database) {
        return "jdbc:" + url(database);
    }

    public Settings settings() {
        return settings;
    }

    public String runsAs() {
        return description;
    }

    public void createDatabaseIfMissing(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names are lower-case letters, digits and _: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            pgCtl(List.of("stop", "-m", "fast", "-w", "-t", "60"));
            LOG.infof("embedded PostgreSQL on port %d stopped", port);
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

    private void initialiseIfNeeded() throws IOException {
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
        createOwnedDirectory(scratch);
        List<String> args = new ArrayList<>(List.of(bin("initdb"), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8",
                "--no-instructions", "-D", scratch.toString()));
        try {
            runAsServer(with(args, "--locale=C.UTF-8"));
        } catch (IllegalStateException noUtf8Locale) {
            Folders.deleteTree(scratch);
            createOwnedDirectory(scratch);
            runAsServer(with(args, "--locale=C"));
        }
        Files.move(scratch, data, StandardCopyOption.ATOMIC_MOVE);
        LOG.infof("initialised a PostgreSQL data directory in %s", data);
    }

    private void stopOrphan() {
        if (!Files.exists(settings.dataDirectory().resolve("postmaster.pid"))) {
            return;
        }
        // We hold the folder's lock, so a server still running there was left by a process that died.
        if (statusRunning()) {
            LOG.warnf("stopping a PostgreSQL server left running in %s", settings.dataDirectory());
            pgCtl(List.of("stop", "-m", "fast", "-w", "-t", "60"));
        }
    }

    private boolean statusRunning() {
        try {
            runAsServer(List.of(bin("pg_ctl"), "status", "-D", settings.dataDirectory().toString()));
            return true;
        } catch (IllegalStateException notRunning) {
            return false;
        }
    }

    private void startServer() {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                + " -c max_connections=100 -c shared_buffers=128MB"
                + (settings.durable() ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        pgCtl(List.of("start", "-w", "-t", "120", "-l", settings.dataDirectory().resolve("postgres.log").toString(),
                "-o", options));
        LOG.infof("embedded PostgreSQL %s started on 127.0.0.1:%d as %s, data in %s",
                pgHome.getFileName(), port, description, settings.dataDirectory());
    }

    private void pgCtl(List<String> args) {
        List<String> command = new ArrayList<>(List.of(bin("pg_ctl"), "-D", settings.dataDirectory().toString()));
        command.addAll(args);
        runAsServer(command);
    }

    private String runAsServer(List<String> command) {
        List<String> full = new ArrayList<>(asServerUser);
        full.addAll(command);
        return Commands.run(full);
    }

    private String bin(String program) {
        return pgHome.resolve("bin").resolve(program).toString();
    }

    private void createOwnedDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        if (serverOwner != null) {
            Commands.run(List.of("chown", serverOwner, directory.toString()));
        }
    }

    private static List<String> with(List<String> args, String extra) {
        List<String> all = new ArrayList<>(args);
        all.add(extra);
        return all;
    }

    static Privileges detectPrivileges() {
        if (!currentUserIsRoot()) {
            return Privileges.CURRENT_USER;
        }
        try {
            String uid = Commands.run(List.of("unshare", "-U", "id", "-u")).trim();
            if (!uid.equals("0")) {
                return Privileges.USER_NAMESPACE;
            }
        } catch (IllegalStateException userNamespacesRefused) {
            LOG.debugf("no user namespace: %s", userNamespacesRefused.getMessage());
        }
        return Privileges.RUN_AS_USER;
    }

    static boolean currentUserIsRoot() {
        try {
            return Commands.run(List.of("id", "-u")).trim().equals("0");
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static String defaultServerUser() {
        try {
            Commands.run(List.of("id", "-u", "postgres"));
            return "postgres";
        } catch (IllegalStateException noPostgresUser) {
            return "nobody";
        }
    }

    /** The server user must own its folders and reach the binaries; say so plainly when it cannot. */
    private static void prepareForUser(Settings settings, Path pgHome, List<String> asUser, String uid, String gid,
                                       String user) {
        String owner = uid + ":" + gid;
        Commands.run(List.of("chown", owner, settings.root().toString()));
        if (Files.exists(settings.dataDirectory())) {
            Commands.run(List.of("chown", "-R", owner, settings.dataDirectory().toString()));
        }
        List<String> probe = new ArrayList<>(asUser);
        probe.addAll(List.of("test", "-x", pgHome.resolve("bin/postgres").toString(),
                "-a", "-w", settings.root().toString()));
        try {
            Commands.run(probe);
        } catch (IllegalStateException unreachable) {
            throw new IllegalStateException("the embedded PostgreSQL runs as " + user + ", who cannot reach "
                    + pgHome + " or write to " + settings.root()
                    + "; choose folders that user can reach (every parent folder must be searchable)");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
