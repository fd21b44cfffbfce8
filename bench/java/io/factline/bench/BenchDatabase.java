package io.factline.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/** A fresh database on the benchmark's server, migrated like the service's own. */
final class BenchDatabase implements AutoCloseable {

    final String host;
    final int port;
    final String user;
    final String password;
    final String name;

    private BenchDatabase(String host, int port, String user, String password, String name) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** {@code server} names the server and an admin database, e.g. postgresql://postgres@127.0.0.1:5432/postgres. */
    static BenchDatabase create(String server, String purpose) throws SQLException {
        URI uri = URI.create(server);
        String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres"} : uri.getUserInfo().split(":", 2);
        BenchDatabase admin = new BenchDatabase(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, userInfo[0],
                userInfo.length > 1 ? userInfo[1] : "", uri.getPath().substring(1));
        String name = "factline_bench_" + purpose + "_" + System.currentTimeMillis() % 1_000_000;
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement()) {
            sql.execute("create database " + name);
        }
        BenchDatabase database = new BenchDatabase(admin.host, admin.port, admin.user, admin.password, name);
        Flyway.configure().dataSource(database.jdbcUrl(), database.user, database.password).load().migrate();
        return database;
    }

    /** A database kept by an earlier run (FACTLINE_BENCH_KEEP=true), to measure again without rebuilding it. */
    static BenchDatabase existing(String server, String name) {
        URI uri = URI.create(server);
        String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres"} : uri.getUserInfo().split(":", 2);
        return new BenchDatabase(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, userInfo[0],
                userInfo.length > 1 ? userInfo[1] : "", name);
    }

    String url() {
        return "postgresql://" + host + ":" + port + "/" + name;
    }

    String jdbcUrl() {
        return "jdbc:" + url();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    Pool pool(Vertx vertx, int size) {
        return Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size))
                .connectingTo(PgConnectOptions.fromUri(url()).setUser(user).setPassword(password)
                        .setCachePreparedStatements(true)
                        .addProperty("plan_cache_mode", "force_generic_plan"))
                .using(vertx.getDelegate())
                .build());
    }

    void execute(String statement) throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    @Override
    public void close() throws SQLException {
        if (Boolean.parseBoolean(System.getenv("FACTLINE_BENCH_KEEP"))) {
            System.out.println("  kept database " + name);
            return;
        }
        if (name.startsWith("factline_bench_")) {
            BenchDatabase admin = new BenchDatabase(host, port, user, password, "postgres");
            try (Connection connection = admin.connect(); Statement sql = connection.createStatement()) {
                sql.execute("drop database if exists " + name + " with (force)");
            }
        }
    }
}
