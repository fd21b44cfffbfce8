package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The views are a pure function of the log: dropped and replayed from position 0, they come back identical. */
@QuarkusTest
class ProjectionRebuildTest {

    static final Map<String, String> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("document_view", "id");
        VIEWS.put("actor_view", "id");
        VIEWS.put("topic_view", "id");
        VIEWS.put("fact_view", "id");
        VIEWS.put("fact_actor", "actor_id, sort_date, fact_id");
        VIEWS.put("fact_topic", "topic_id, sort_date, fact_id");
        VIEWS.put("fact_source", "document_id, sort_date, fact_id");
        VIEWS.put("actor_pair", "actor_id, co_actor_id");
        VIEWS.put("actor_topic", "actor_id, topic_id");
        VIEWS.put("timeline_count", "scope, period, type");
        VIEWS.put("projection_checkpoint", "projection");
    }

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
        for (String view : VIEWS.keySet()) {
            assertThat(after.get(view)).as(view).containsExactlyElementsOf(before.get(view));
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
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection connection = Api.connect(); Statement statement = connection.createStatement()) {
            for (var view : VIEWS.entrySet()) {
                List<String> table = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("select * from " + view.getKey() + " order by " + view.getValue())) {
                    ResultSetMetaData meta = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            row.append(meta.getColumnName(c)).append('=').append(result.getString(c)).append(';');
                        }
                        table.add(row.toString());
                    }
                }
                rows.put(view.getKey(), table);
            }
        }
        return rows;
    }
}
