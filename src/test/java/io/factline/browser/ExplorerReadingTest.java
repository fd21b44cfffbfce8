package io.factline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import io.factline.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The explorer's read views in a real browser, checked against what the GraphQL API answers. */
@QuarkusTest
class ExplorerReadingTest {

    @TestHTTPResource("/")
    URL base;

    private static Browser browser;

    @BeforeEach
    void browser() throws Exception {
        if (browser == null) {
            Api.awaitReady();
            Browser.ingestSeeds();
            browser = Browser.start(base);
        }
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void homeTimelineShowsThePeriodsTheApiCounts() {
        JsonPath api = Browser.graphql("{ timeline(granularity: YEAR) { period count byType { type count } } }", Map.of());
        List<String> periods = api.getList("data.timeline.period", String.class);
        List<Integer> counts = api.getList("data.timeline.count", Integer.class);
        assertThat(periods).isNotEmpty();

        browser.driver.get("about:blank");
        browser.open("");
        // the first view: one GraphQL request, and how long it took from navigation to the rendered page
        List<?> graphqlRequests = (List<?>) browser.js("return performance.getEntriesByType('resource')"
                + ".filter(r => new URL(r.name).pathname === '/graphql').map(r => r.name)");
        assertThat(graphqlRequests).hasSize(1);
        System.out.println("[explorer] home, first load: " + firstView());
        browser.driver.get("about:blank");
        browser.open("");
        System.out.println("[explorer] home, loaded again: " + firstView());
        List<WebElement> bars = browser.all("timeline-bar");
        assertThat(bars).extracting(bar -> bar.getAttribute("data-period")).containsExactlyElementsOf(periods);
        assertThat(bars).extracting(bar -> Integer.valueOf(bar.getAttribute("data-count"))).containsExactlyElementsOf(counts);
        // each bar is stacked by type: one segment per type the period has
        for (int i = 0; i < bars.size(); i++) {
            List<String> types = api.getList("data.timeline[" + i + "].byType.findAll { it.count > 0 }.type", String.class);
            List<String> segments = new ArrayList<>();
            for (WebElement segment : bars.get(i).findElements(By.cssSelector(".tl-seg"))) {
                segments.add(segment.getAttribute("class").replace("tl-seg t-", ""));
            }
            assertThat(segments).containsExactlyInAnyOrderElementsOf(types);
        }
        browser.screenshot("home-timeline");

        // a period selected filters the facts below it: the list is the API's for that range
        String period = periods.get(periods.size() - 1);
        browser.driver.findElement(By.cssSelector("[data-testid='timeline-bar'][data-period='" + period + "']")).click();
        browser.wait.until(d -> d.getCurrentUrl().contains("from=" + period + "-01-01"));
        browser.awaitRendered();
        int inPeriod = Browser.graphql("query($f: FactFilter) { facts(filter: $f) { totalCount } }",
                Map.of("f", Map.of("from", period + "-01-01", "to", period + "-12-31"))).getInt("data.facts.totalCount");
        assertThat(browser.testid("fact-total").getText()).isEqualTo(String.valueOf(inPeriod));
        assertThat(browser.driver.getCurrentUrl()).contains("to=" + period + "-12-31");
    }

    /** When the first view was there (ms after navigation start), and when its GraphQL request started and ended. */
    private static String firstView() {
        return String.valueOf(browser.js("const g = performance.getEntriesByType('resource').find(r => new URL(r.name).pathname === '/graphql');"
                + " return 'first view ' + Math.round(performance.getEntriesByName('factline:first-view')[0].startTime) + ' ms; GraphQL '"
                + " + Math.round(g.startTime) + '-' + Math.round(g.responseEnd) + ' ms';"));
    }

    @Test
    void actorPageListsTheActorsFactsPageByPage() {
        String actor = actorWithMoreThanAPage();
        List<String> expected = Browser.allFactIds("query($id: ID!, $after: String) { actor(id: $id) { "
                + "facts(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }",
                Map.of("id", actor), "actor.facts");
        assertThat(expected).hasSizeGreaterThan(20);

        browser.open("actor/" + actor);
        assertThat(browser.testid("actor-name").getText())
                .isEqualTo(Browser.graphql("query($id: ID!) { actor(id: $id) { name } }", Map.of("id", actor)).getString("data.actor.name"));
        assertThat(browser.all("fact-item")).hasSize(20);
        List<String> shown = browser.listedFactIdsAfterPaging();
        assertThat(shown).containsExactlyElementsOf(expected);
        assertThat(browser.testid("fact-total").getText()).isEqualTo(String.valueOf(expected.size()));
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot("actor-page");
    }

    /** An actor with more than a page (20) of facts: the test's own, stated by a marked document. */
    private static String actorWithMoreThanAPage() {
        Api.ingest(ActorFacts.markedDocument(22));
        return ActorFacts.ACTOR;
    }

    @Test
    void factPageMarksTheSourcePassageAtItsOffsets() {
        JsonPath api = Browser.graphql("{ facts(first: 20) { edges { node { id sources { quote start end document { id text } } } } } }", Map.of());
        List<Map<String, Object>> facts = api.getList("data.facts.edges.node");
        // a fact whose passage is not at the very start of its document, so the offset says something
        Map<String, Object> fact = facts.stream()
                .filter(f -> ((Number) ((List<Map<String, Object>>) f.get("sources")).get(0).get("start")).intValue() > 100)
                .findFirst().orElse(facts.get(0));
        @SuppressWarnings("unchecked")
        Map<String, Object> source = ((List<Map<String, Object>>) fact.get("sources")).get(0);
        int start = ((Number) source.get("start")).intValue();
        int end = ((Number) source.get("end")).intValue();
        @SuppressWarnings("unchecked")
        String text = (String) ((Map<String, Object>) source.get("document")).get("text");

        browser.open("fact/" + fact.get("id"));
        WebElement mark = browser.testid("source-mark");
        assertThat(browser.js("return arguments[0].textContent", mark)).isEqualTo(source.get("quote"))
                .isEqualTo(text.substring(start, end));
        Object offset = browser.js("const box = document.querySelector(\"[data-testid='source-text']\");"
                + " const mark = box.querySelector('mark'); const range = document.createRange();"
                + " range.setStart(box, 0); range.setEndBefore(mark); return range.toString().length;");
        assertThat(((Number) offset).intValue()).isEqualTo(start);
        assertThat(browser.js("return document.querySelector(\"[data-testid='source-text']\").textContent")).isEqualTo(text);
        browser.screenshot("fact-source-highlighted");
    }

    @Test
    void atPhoneWidthTheHomePageDoesNotScrollSideways() {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.open("");
        long inner = ((Number) browser.js("return window.innerWidth")).longValue();
        if (inner > 400) {
            // some window managers keep a minimum width; emulate the phone's viewport instead
            browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        }
        try {
            browser.testid("timeline");
            assertThat(((Number) browser.js("return window.innerWidth")).longValue()).isLessThanOrEqualTo(400);
            Object scroll = browser.js("const s = document.scrollingElement; return [s.scrollWidth, s.clientWidth];");
            List<?> sizes = (List<?>) scroll;
            assertThat(((Number) sizes.get(0)).longValue()).as("scrollWidth <= clientWidth")
                    .isLessThanOrEqualTo(((Number) sizes.get(1)).longValue());
            browser.screenshot("home-390px");
        } finally {
            browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void graphqlUiLoadsTheSchema() {
        browser.driver.get(base + "q/graphql-ui/");
        WebElement docs = browser.wait.until(d -> d.findElements(By.cssSelector("button[aria-label='Show Documentation Explorer']"))
                .stream().findFirst().orElse(null));
        docs.click();
        // the explorer lists the root types once the schema is read; else it (or the result pane) shows why not
        String shown = browser.wait.until(d -> {
            String explorer = d.findElements(By.cssSelector(".graphiql-doc-explorer")).stream().map(WebElement::getText)
                    .findFirst().orElse("");
            String result = d.findElements(By.cssSelector(".graphiql-response")).stream().map(WebElement::getText)
                    .findFirst().orElse("");
            return explorer.contains("Query") || explorer.toLowerCase().contains("error") || result.contains("errors")
                    ? explorer + "\n" + result : null;
        });
        browser.screenshot("graphql-ui-schema");
        assertThat(shown).as("what GraphiQL shows after asking for the schema").doesNotContainIgnoringCase("maximum query depth exceeded")
                .doesNotContain("\"errors\"").contains("Query");
        browser.driver.findElement(By.linkText("Query")).click();
        browser.wait.until(d -> d.findElement(By.cssSelector(".graphiql-doc-explorer")).getText().contains("timeline"));
        browser.screenshot("graphql-ui-schema");
    }

    @Test
    void keyboardReachesTheSearchBoxAndEnterSearches() {
        String word = searchableWord();
        int expected = Browser.graphql("query($f: FactFilter) { facts(filter: $f) { totalCount } }",
                Map.of("f", Map.of("text", word))).getInt("data.facts.totalCount");

        browser.driver.get("about:blank");
        browser.open("");
        Actions keys = new Actions(browser.driver);
        for (int i = 0; i < 15 && !"search-input".equals(browser.js("return document.activeElement.dataset.testid")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.js("return document.activeElement.dataset.testid")).isEqualTo("search-input");
        assertThat(browser.js("return getComputedStyle(document.activeElement).outlineStyle")).isNotEqualTo("none");
        keys.sendKeys(word).sendKeys(Keys.ENTER).perform();
        browser.wait.until(d -> d.getCurrentUrl().contains("q=" + word));
        browser.awaitRendered();
        assertThat(browser.testid("fact-total").getText()).isEqualTo(String.valueOf(expected));
        assertThat(browser.all("fact-item")).hasSize(Math.min(expected, 20));
        browser.screenshot("keyboard-search");
    }

    /** A word of a fact's summary, long enough to be a useful search. */
    private static String searchableWord() {
        String summary = Browser.graphql("{ facts(first: 1) { edges { node { summary } } } }", Map.of())
                .getString("data.facts.edges[0].node.summary");
        return Arrays.stream(summary.split("[^A-Za-z]+")).max(Comparator.comparingInt(String::length)).orElseThrow();
    }
}
