package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A GraphQL answer names its media type and charset, never the weights of the request's Accept. */
@QuarkusTest
class GraphQLContentTypeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/graphql-response+json;q=0.9        | application/graphql-response+json;charset=UTF-8",
            "application/json;q=0.5                         | application/json;charset=UTF-8",
            "application/graphql-response+json, application/json;q=0.9 | application/graphql-response+json;charset=UTF-8"})
    void theAnswersContentTypeCarriesNoQualityValue(String accept, String expected) {
        String contentType = given().accept(accept).contentType(ContentType.JSON).body(Map.of("query", "{ topics { id } }"))
                .post("/graphql").then().statusCode(200).extract().contentType();
        org.assertj.core.api.Assertions.assertThat(contentType.replace(" ", "")).isEqualToIgnoringCase(expected);
    }
}
