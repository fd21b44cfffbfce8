package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.factline.testing.ViewSnapshots;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The views are a pure function of the log: dropped and replayed from position 0, they come back identical. */
@QuarkusTest
class ProjectionRebuildTest {

    static final List<String> TABLES = ViewSnapshots.TABLES;

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void aRebuildYieldsIdenticalViews() throws SQLException {
        givenAHistoryOfCorrectionsAndRetractions();
        given().get("/api/admin/projections").then().statusCode(200).body("lag", equalTo(0));
        Map<String, List<String>> before = snapshot();
        assertThat(before.get("fact_view")).isNotEmpty();
        assertThat(before.get("timeline_count")).isNotEmpty();

        var report = Api.writer().post("/api/admin/projections/rebuild").then().statusCode(200).extract();
        assertThat(report.<Number>path("position").longValue()).isEqualTo(Api.logHead());
        assertThat(report.<Number>path("events").longValue()).isEqualTo(Api.queryLong("select count(*) from event"));

        Map<String, List<String>> after = snapshot();
        for (String table : TABLES) {
            assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
        }
        given().get("/api/admin/projections").then().body("lag", equalTo(0));
    }

    @Test
    void theLiveProjectionKeepsGoingAfterARebuild() {
        Api.writer().post("/api/admin/projections/rebuild").then().statusCode(200);
        String id = Api.ingest("{{STATEMENT|2019|moon-jae-in:SPEAKER|}} " + Api.unique("Moon spoke after the rebuild."));
        given().get("/api/documents/" + id + "/facts").then().statusCode(200).body("items.size()", equalTo(1));
    }

    private void givenAHistoryOfCorrectionsAndRetractions() {
        String text = "{{MEETING|2019-06-30|donald-trump:VISITOR,moon-jae-in:HOST,kim-jong-un:PARTICIPANT|inter-korean-relations}} "
                + Api.unique("Trump, Moon and Kim met at Panmunjom.") + "\n"
                + "{{AGREEMENT|2018-09|moon-jae-in:PARTY,kim-jong-un:PARTY|inter-korean-relations,north-korea-nuclear}} "
                + Api.unique("The two leaders signed the Pyongyang declaration.") + "\n"
                + "{{STATEMENT||moon-jae-in:SPEAKER|}} " + Api.unique("Moon said peace was near.");
        String document = Api.ingest(text);
        List<String> facts = given().get("/api/documents/" + document + "/facts").then().extract().path("items.id");
        assertThat(facts).hasSize(3);
        Api.writer().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("topics", List.of("summit-diplomacy"), "date", Map.of("value", "2019-06"), "reason", "topic"))
                .post("/api/facts/" + facts.get(1) + "/corrections").then().statusCode(200);
        Api.writer().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("reason", "not a fact"))
                .post("/api/facts/" + facts.get(0) + "/retraction").then().statusCode(200);
    }

    private static Map<String, List<String>> snapshot() throws SQLException {
        try (Connection connection = Api.connect()) {
            return ViewSnapshots.take(connection);
        }
    }
}
