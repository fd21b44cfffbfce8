package io.factline.boot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates a database on the embedded server unless it is there already (initdb makes only postgres). */
final class DatabaseCreation {

    private DatabaseCreation() {
    }

    /** @param adminJdbcUrl the server's postgres database, which the superuser may always reach */
    static void createIfMissing(String adminJdbcUrl, String name) {
        // the name goes into the SQL as it is: create database takes no parameters
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names are lower-case letters, digits and _: " + name);
        }
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, EmbeddedPostgres.SUPERUSER, "");
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
}
