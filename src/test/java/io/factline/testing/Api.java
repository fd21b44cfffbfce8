package io.factline.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

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

    public static String queryString(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

    /** A request from a client holding every role (a development token). */
    public static RequestSpecification writer() {
        return given().auth().oauth2(WRITER_TOKEN);
    }

    private static final String WRITER_TOKEN = DevTokens.of("test-writer", "ingest", "curate", "admin");

    /** The id of the seed document "Korea - US Relations". */
    public static String seedDocument() {
        return given().get("/api/documents").then().statusCode(200).extract()
                .path("items.find { it.title == 'Korea - US Relations' }.id");
    }

    /** A curator's fact sourced by a passage of the seed document. */
    public static Map<String, Object> factBody(String seedQuote) {
        return Map.of("type", "AGREEMENT", "date", Map.of("value", "2021-05"),
                "actors", List.of(Map.of("actor", "moon-jae-in", "role", "PARTY"), Map.of("actor", "joe-biden", "role", "PARTY")),
                "topics", List.of("north-korea-nuclear"), "summary", "Moon and Biden reaffirmed denuclearization.",
                "sources", List.of(Map.of("document", seedDocument(), "quote", seedQuote)));
    }

    /** Asserts a fact (as a curator) and returns its id; it is at version 1. */
    public static String assertedFact() {
        return writer().contentType(ContentType.JSON).body(factBody("Presidents Moon and Biden reaffirmed their "
                        + "commitment to the complete denuclearization of the Korean Peninsula based on dialogue and diplomacy."))
                .post("/api/facts").then().statusCode(201).extract().path("id");
    }

    /** Ingests a plain-text document no other test has, returning its id. */
    public static String ingest(String text) {
        return ingest(text, TEST_TITLE);
    }

    /** Ingests a plain-text document with a title, returning its id. */
    public static String ingest(String text, String title) {
        return writer().contentType(ContentType.TEXT).body(text)
                .queryParam("title", title)
                .post("/api/documents")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** A GraphQL query 17 levels deep: over the default depth limit of 12. */
    public static String tooDeepQuery() {
        String deep = "id";
        for (int i = 0; i < 8; i++) {
            deep = "coActors { actor { " + deep + " } }";
        }
        return "{ actor(id: \"south-korea\") { " + deep + " } }";
    }

    /** A sentence made unique, so that each test's documents and quotes are its own. */
    public static String unique(String sentence) {
        return sentence + " (ref " + UUID.randomUUID() + ")";
    }
}
