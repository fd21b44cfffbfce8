package io.factline.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;

/** Helpers for tests that drive the running service over HTTP and look at its database directly. */
public final class Api {

    /** The title {@link #ingest} gives; such documents bring only the facts their markers state. */
    public static final String TEST_TITLE = "test document";

    private Api() {
    }

    /** Start-up loads reference data and seeds in the background; tests start once it is done. */
    public static void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().get("/q/health/ready").statusCode() == 200);
    }

    /** The position of the last event in the log: unchanged means nothing was written. */
    public static long logHead() {
        return queryLong("select coalesce(max(position), 0) from event");
    }

    public static long queryLong(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection("jdbc:" + config.getValue("factline.db.url", String.class),
                config.getValue("factline.db.user", String.class),
                config.getOptionalValue("factline.db.password", String.class).orElse(""));
    }

    /** Ingests a plain-text document no other test has, returning its id. */
    public static String ingest(String text) {
        return ingest(text, TEST_TITLE);
    }

    /** Ingests a plain-text document with a title, returning its id. */
    public static String ingest(String text, String title) {
        return given().contentType(ContentType.TEXT).body(text)
                .queryParam("title", title)
                .post("/api/documents")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** A sentence made unique, so that each test's documents and quotes are its own. */
    public static String unique(String sentence) {
        return sentence + " (ref " + UUID.randomUUID() + ")";
    }
}
