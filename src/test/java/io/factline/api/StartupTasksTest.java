package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.domain.EventMetadata;
import io.factline.ingest.ReferenceData;
import io.factline.ingest.SeedLoader;
import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/** What start-up does (reference data, seeds) appends nothing when done again: restarts add nothing. */
@QuarkusTest
class StartupTasksTest {

    @Inject
    ReferenceData referenceData;
    @Inject
    SeedLoader seeds;

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void runningStartUpAgainAppendsNothing() {
        long head = Api.logHead();
        assertThat(referenceData.sync(EventMetadata.system("test")).await().indefinitely()).isZero();
        SeedLoader.Report report = seeds.load(EventMetadata.system("test")).await().indefinitely();
        assertThat(report.documents()).isEqualTo(1);
        assertThat(report.added()).isZero();
        assertThat(Api.logHead()).isEqualTo(head);
    }

    @Test
    void theDictionariesAreInTheLogAndTheViews() {
        long actors = Api.queryLong("select count(*) from event where type = 'ActorRegistered'");
        assertThat(actors).isGreaterThanOrEqualTo(70);
        given().queryParam("limit", 100).get("/api/actors").then().statusCode(200);
        assertThat(Api.queryLong("select count(*) from actor_view")).isEqualTo(actors);
        given().get("/api/topics").then().statusCode(200)
                .body("items.size()", equalTo((int) Api.queryLong("select count(*) from event where type = 'TopicDefined'")));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'reference data and seeds' }.data.state", equalTo("loaded"));
    }
}
