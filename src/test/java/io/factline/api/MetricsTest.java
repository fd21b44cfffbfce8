package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The Prometheus endpoint shows ingestion, extraction and append figures, and request timings. */
@QuarkusTest
class MetricsTest {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    private static double value(String metrics, String series) {
        // "name" sums every labelled series of the name; "name{label=…}" is matched as a prefix of the labels
        String prefix = series.endsWith("}") ? series.substring(0, series.length() - 1) : series;
        return metrics.lines().filter(l -> !l.startsWith("#") && (l.startsWith(series + " ") || l.startsWith(prefix + ",")
                        || l.startsWith(prefix + "}") || !series.contains("{") && l.startsWith(series + "{")))
                .map(l -> l.contains(" # ") ? l.substring(0, l.indexOf(" # ")) : l) // an exemplar may follow the value
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void ingestionExtractionAppendsAndRequestsAreMeasured() {
        String before = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Api.writer().contentType(ContentType.TEXT).queryParam("title", "metrics article")
                .body(Api.unique("On 2 June 2022, President Biden had a phone call with President Yoon Suk-yeol."))
                .post("/api/documents").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"query\":\"{ topics { id } }\"}").post("/graphql").then().statusCode(200);

        String after = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(value(after, "factline_documents_ingested_total")).isEqualTo(value(before, "factline_documents_ingested_total") + 1);
        assertThat(value(after, "factline_facts_extracted_total{type=\"MEETING\"}"))
                .isEqualTo(value(before, "factline_facts_extracted_total{type=\"MEETING\"}") + 1);
        assertThat(value(after, "factline_extraction_seconds_count")).isGreaterThan(value(before, "factline_extraction_seconds_count"));
        assertThat(value(after, "factline_append_seconds_count")).isGreaterThan(value(before, "factline_append_seconds_count"));
        assertThat(after).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/graphql\"");
        assertThat(after).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/documents\"");
        assertThat(after).contains("factline_projection_lag_events");
    }
}
