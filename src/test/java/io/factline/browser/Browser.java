package io.factline.browser;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.factline.testing.Api;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A headless Debian Chromium driven through {@code /usr/bin/chromedriver}, for the explorer's browser
 * tests. Nothing is downloaded: the browser and driver paths are set, so Selenium Manager never runs.
 * Without Chromium or its driver the tests are skipped (CI installs {@code chromium chromium-driver}).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final String base;
    private final Path profile;
    private final ChromeDriverService service;

    private Browser(URL base) throws IOException {
        this.base = base.toString().endsWith("/") ? base.toString() : base + "/";
        profile = Files.createTempDirectory("factline-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // the app re-renders a view after each answer: an element found a moment ago may be gone; look again
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** A browser on the test application, or the test skipped when Chromium or chromedriver is missing. */
    static Browser start(URL base) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: they need Debian's /usr/bin/chromium and /usr/bin/chromedriver "
                        + "(apt-get install -y chromium chromium-driver)");
        // Selenium Manager must not look for (or download) a browser or driver: both paths are given
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            return new Browser(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens an explorer route (e.g. "actor/south-korea") and waits until its page has rendered. */
    void open(String route) {
        driver.get(base + "#/" + route);
        awaitRendered();
    }

    /** Waits until the page shows the route in the address bar, with nothing left loading. */
    void awaitRendered() {
        wait.until(d -> Boolean.TRUE.equals(js("const m = document.getElementById('main');"
                + " return !!m && m.dataset.route === location.hash && !m.hasAttribute('aria-busy');")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement testid(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='" + id + "']")));
    }

    List<WebElement> all(String testid) {
        return driver.findElements(By.cssSelector("[data-testid='" + testid + "']"));
    }

    /** The ids of the facts listed on the page, after pressing "More" until every page is shown. */
    List<String> listedFactIdsAfterPaging() {
        while (true) {
            List<WebElement> more = driver.findElements(By.cssSelector("[data-testid='more']"));
            if (more.isEmpty() || !more.get(0).isDisplayed()) {
                break;
            }
            int before = all("fact-item").size();
            more.get(0).click();
            wait.until(d -> all("fact-item").size() > before || !more.get(0).isDisplayed());
        }
        List<String> ids = new ArrayList<>();
        for (WebElement item : all("fact-item")) {
            ids.add(item.getAttribute("data-fact-id"));
        }
        return ids;
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.close();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }

    /** A GraphQL answer's data, asked with a token holding every role; fails on errors. */
    static JsonPath graphql(String query, Map<String, Object> variables) {
        JsonPath answer = Api.writer().contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
        if (answer.get("errors") != null) {
            throw new AssertionError("GraphQL errors: " + answer.get("errors"));
        }
        return answer;
    }

    /** Every page of a fact connection at a path of a query taking $after: the ids in order. */
    static List<String> allFactIds(String query, Map<String, Object> variables, String connection) {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (true) {
            Map<String, Object> vars = new java.util.HashMap<>(variables);
            vars.put("after", after);
            JsonPath page = graphql(query, vars);
            ids.addAll(page.getList("data." + connection + ".edges.node.id", String.class));
            if (!page.getBoolean("data." + connection + ".pageInfo.hasNextPage")) {
                return ids;
            }
            after = page.getString("data." + connection + ".pageInfo.endCursor");
        }
    }

    /** Ingests the repository's seed documents (idempotent: a text already stored is not stored again). */
    static void ingestSeeds() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                Path meta = Path.of(file.toString().replaceAll("\\.txt$", ".meta.json"));
                String title = Files.exists(meta) ? JsonPath.from(Files.readString(meta)).getString("title") : file.getFileName().toString();
                var answer = Api.writer().contentType("text/plain; charset=UTF-8").body(Files.readString(file))
                        .queryParam("title", title).post("/api/documents");
                int status = answer.statusCode();
                if (status != 200 && status != 201 && status != 202) {
                    throw new AssertionError("seed " + file + " was refused: HTTP " + status);
                }
                // 202: recorded, not yet in the views; wait until they show it
                String id = answer.jsonPath().getString("id");
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                        graphql("query($id: ID!) { document(id: $id) { id } }", Map.of("id", id)).get("data.document") != null);
            }
        }
    }
}
