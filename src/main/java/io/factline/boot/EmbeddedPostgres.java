package io.factline.boot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jboss.logging.Logger;
import org.tukaani.xz.XZInputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;

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
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final int port;
    private boolean closed;

    private EmbeddedPostgres(Settings settings, Path pgHome, List<String> asServerUser, String serverOwner,
                             String description, FileChannel lockChannel, FileLock lock, int port) {
        this.settings = settings;
        this.pgHome = pgHome;
        this.asServerUser = asServerUser;
        this.serverOwner = serverOwner;
        this.description = description;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.port = port;
    }

    public static EmbeddedPostgres start(Settings settings) throws IOException {
        Files.createDirectories(settings.root());
        FileChannel channel = FileChannel.open(settings.root().resolve("embedded.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the embedded PostgreSQL in " + settings.root()
                    + " is in use by another process; stop it, or give this one another data folder");
        }
        try {
            Path pgHome = unpackBinaries(settings.binaries());
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
                    String uid = run(List.of("id", "-u", user), null).trim();
                    String gid = run(List.of("id", "-g", user), null).trim();
                    prefix.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
                    who = "user " + user + " (uid " + uid + ")";
                    owner = uid + ":" + gid;
                    prepareForUser(settings, pgHome, prefix, uid, gid, user);
                }
                default -> throw new IllegalStateException(privileges.toString());
            }
            int port = settings.port() != 0 ? settings.port() : freePort();
            EmbeddedPostgres server = new EmbeddedPostgres(settings, pgHome, prefix, owner, who, channel, lock, port);
            server.initialiseIfNeeded();
            server.stopOrphan();
            server.startServer();
            return server;
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
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
                lockChannel.close();
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
            deleteTree(scratch);
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
        return run(full, null);
    }

    private String bin(String program) {
        return pgHome.resolve("bin").resolve(program).toString();
    }

    private void createOwnedDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        if (serverOwner != null) {
            run(List.of("chown", serverOwner, directory.toString()), null);
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
            String uid = run(List.of("unshare", "-U", "id", "-u"), null).trim();
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
            return run(List.of("id", "-u"), null).trim().equals("0");
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static String defaultServerUser() {
        try {
            run(List.of("id", "-u", "postgres"), null);
            return "postgres";
        } catch (IllegalStateException noPostgresUser) {
            return "nobody";
        }
    }

    /** The server user must own its folders and reach the binaries; say so plainly when it cannot. */
    private static void prepareForUser(Settings settings, Path pgHome, List<String> asUser, String uid, String gid,
                                       String user) {
        String owner = uid + ":" + gid;
        run(List.of("chown", owner, settings.root().toString()), null);
        if (Files.exists(settings.dataDirectory())) {
            run(List.of("chown", "-R", owner, settings.dataDirectory().toString()), null);
        }
        List<String> probe = new ArrayList<>(asUser);
        probe.addAll(List.of("test", "-x", pgHome.resolve("bin/postgres").toString(),
                "-a", "-w", settings.root().toString()));
        try {
            run(probe, null);
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

    /** Unpacks the platform's binaries once per archive content, atomically, into {@code binaries/pg-<hash>}. */
    static Path unpackBinaries(Path binaries) throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(operatingSystem(), architecture())) {
            archive = in.readAllBytes();
        }
        Path home = binaries.resolve("pg-" + sha256(archive).substring(0, 16));
        if (Files.isExecutable(home.resolve("bin/postgres"))) {
            return home;
        }
        Files.createDirectories(binaries);
        Path scratch = binaries.resolve(home.getFileName() + ".unpacking-" + UUID.randomUUID());
        try (XZInputStream xz = new XZInputStream(new ByteArrayInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = scratch.resolve(entry.getName()).normalize();
                if (!target.startsWith(scratch)) {
                    throw new IOException("archive entry escapes its folder: " + entry.getName());
                }
                Files.createDirectories(entry.isDirectory() ? target : target.getParent());
                if (entry.isSymbolicLink()) {
                    if (!target.getParent().resolve(entry.getLinkName()).normalize().startsWith(scratch)) {
                        throw new IOException("archive link points outside its folder: " + entry.getName());
                    }
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Path linked = scratch.resolve(entry.getLinkName()).normalize();
                    if (!linked.startsWith(scratch)) {
                        throw new IOException("archive link points outside its folder: " + entry.getName());
                    }
                    Files.createLink(target, linked);
                } else if (entry.isFile()) {
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(scratch)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, permissions(0755));
            }
        }
        try {
            Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException anotherProcessWasFirst) {
            deleteTree(scratch);
        }
        return home;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    private static String operatingSystem() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("linux")) {
            return "Linux";
        }
        if (name.contains("mac")) {
            return "Darwin";
        }
        throw new IllegalStateException("no embedded PostgreSQL for " + System.getProperty("os.name")
                + "; configure a database URL instead");
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String run(List<String> command, Path workingDirectory) {
        Path output = null;
        try {
            // output goes to a file, not a pipe, so that a silent hung process cannot outlast the timeout
            output = Files.createTempFile("factline-pg", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
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

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
