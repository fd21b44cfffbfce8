package io.factline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.factline.testing.Api;
import io.factline.testing.DevTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Curator mode in a real browser: signing in with a pasted token, retracting, correcting, ingesting. */
@QuarkusTest
class ExplorerCuratorTest {

    @TestHTTPResource("/")
    URL base;

    private static Browser browser;

    @BeforeEach
    void browser() {
        if (browser == null) {
            Api.awaitReady();
            browser = Browser.start(base);
        }
        browser.open("");
        // signed out: no token kept from an earlier test, and the header says so
        browser.js("sessionStorage.clear(); window.dispatchEvent(new CustomEvent('factline:auth'));");
        browser.testid("sign-in");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    private void signIn(String token) {
        browser.open("");
        browser.testid("sign-in").click();
        browser.testid("token-input").sendKeys(token);
        browser.testid("token-submit").click();
        browser.testid("signed-in-as");
        browser.testid("sign-out");
    }

    @Test
    void curatorRetractsAFactWithAReason() {
        String id = Api.assertedFact();
        String reason = "Duplicate of another fact (browser test " + id.substring(0, 8) + ")";
        signIn(DevTokens.of("browser-curator", "curate"));

        browser.open("fact/" + id);
        assertThat(browser.testid("fact-status").getText()).isEqualToIgnoringCase("active");
        browser.testid("retract-button").click();
        browser.testid("retract-reason").sendKeys(reason);
        browser.testid("retract-submit").click();

        WebElement banner = browser.testid("retracted-banner");
        assertThat(banner.getText()).contains("Retracted").contains(reason);
        assertThat(browser.testid("fact-status").getText()).isEqualToIgnoringCase("retracted");
        WebElement retraction = browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid='history-entry'][data-type='FactRetracted']"))
                .stream().findFirst().orElse(null));
        assertThat(retraction.findElement(By.cssSelector("[data-testid='history-reason']")).getText()).isEqualTo(reason);
        assertThat(retraction.getText()).contains("browser-curator");

        JsonPath api = Browser.graphql("query($id: ID!) { fact(id: $id) { status retractionReason history { type reason } } }", Map.of("id", id));
        assertThat(api.getString("data.fact.status")).isEqualTo("RETRACTED");
        assertThat(api.getString("data.fact.retractionReason")).isEqualTo(reason);
        browser.screenshot("fact-retracted");
    }

    @Test
    void aStaleCorrectionAsksToReloadAndReapply() {
        String id = Api.assertedFact();
        signIn(DevTokens.of("browser-curator", "curate"));
        browser.open("fact/" + id);
        assertThat(browser.testid("fact-version").getText()).isEqualTo("1");
        browser.testid("correct-button").click();
        WebElement summary = browser.testid("correct-summary");
        summary.clear();
        summary.sendKeys("Moon and Biden reaffirmed the goal of denuclearization.");
        browser.testid("correct-reason").sendKeys("shorter");

        // someone else corrects the fact meanwhile
        Browser.graphql("mutation($id: ID!) { correctFact(id: $id, expectedVersion: 1, correction: {summary: \"Changed elsewhere\", "
                + "reason: \"another curator\"}) { version } }", Map.of("id", id));
        browser.testid("correct-submit").click();

        WebElement conflict = browser.testid("version-conflict");
        assertThat(conflict.getText()).contains("This fact changed since you opened it (now version 2)");
        assertThat(browser.testid("alert").getAttribute("role")).isEqualTo("alert");
        assertThat(browser.testid("alert-code").getText()).isEqualTo("VERSION_CONFLICT");
        browser.screenshot("fact-version-conflict");

        browser.testid("conflict-reload").click();
        browser.wait.until(d -> "2".equals(browser.testid("fact-version").getText()));
        assertThat(browser.testid("correct-summary").getAttribute("value")).isEqualTo("Moon and Biden reaffirmed the goal of denuclearization.");
        browser.testid("correct-submit").click();
        browser.wait.until(d -> "3".equals(browser.testid("fact-version").getText()));
        assertThat(browser.testid("fact-summary").getText()).isEqualTo("Moon and Biden reaffirmed the goal of denuclearization.");
        assertThat(Browser.graphql("query($id: ID!) { fact(id: $id) { summary version } }", Map.of("id", id))
                .getInt("data.fact.version")).isEqualTo(3);
    }

    @Test
    void pastedTextIsIngestedAndItsFactsListed() {
        String text = ActorFacts.markedBriefing();
        signIn(DevTokens.of("browser-ingester", "ingest"));
        browser.open("ingest");
        browser.testid("ingest-title").sendKeys("Browser test briefing");
        browser.testid("ingest-publisher").sendKeys("factline tests");
        browser.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
                browser.testid("ingest-text"), text);
        browser.testid("ingest-submit").click();

        WebElement result = browser.testid("ingest-result");
        int created = Integer.parseInt(result.getAttribute("data-facts"));
        browser.screenshot("ingest-result");
        browser.testid("ingest-document-link").click();
        browser.awaitRendered();
        String documentId = browser.driver.getCurrentUrl().replaceAll(".*#/document/", "");

        List<String> expected = Browser.allFactIds("query($id: ID!, $after: String) { document(id: $id) { "
                + "facts(first: 100, after: $after, includeRetracted: true) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }",
                Map.of("id", documentId), "document.facts");
        assertThat(expected).hasSize(created).isNotEmpty();
        assertThat(browser.testid("document-title").getText()).isEqualTo("Browser test briefing");
        assertThat(browser.all("fact-item")).extracting(item -> item.getAttribute("data-fact-id")).containsExactlyElementsOf(expected);
        // every fact's passage is highlighted and links to it
        assertThat(browser.all("doc-highlight")).extracting(mark -> mark.getAttribute("data-fact-id"))
                .containsExactlyInAnyOrderElementsOf(expected);
        browser.screenshot("ingested-document");
    }
}
