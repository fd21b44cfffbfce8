package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SmokeTest {

    @Test
    void boots() {
        given().when().get("/api/topics").then().log().ifValidationFails().statusCode(200).body("items", notNullValue());
    }
}
