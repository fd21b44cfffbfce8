package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;

/** The explorer's files: served at /, checked again by browsers on each visit, gzipped where accepted. */
@QuarkusTest
class ExplorerFilesTest {

    @Test
    void theExplorerIsServedAtTheRootAndRevalidatedOnEachVisit() {
        String lastModified = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", containsString("max-age=0")).body(containsString("factline"))
                .extract().header("Last-Modified");
        given().header("If-Modified-Since", lastModified).get("/").then().statusCode(304);
    }

    @Test
    void itsScriptsAreGzippedForClientsThatAcceptIt() {
        given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").get("/js/app.js").then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
    }
}
