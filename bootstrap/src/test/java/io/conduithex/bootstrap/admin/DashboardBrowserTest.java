package io.conduithex.bootstrap.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.testkit.HeadlessChromium;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.conduithex.testsupport.kit.HttpCalls;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the admin dashboard in headless Chromium against the real application on SQLite: the token is asked
 * once (a wrong one is refused), the figures appear, and under a few hundred API requests the unit-of-work count,
 * the use case table and the charts grow. Leaves a screenshot in {@code target/dashboard.png}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (.ci/run installs them); without them it fails.
 */
class DashboardBrowserTest {
    private static final String TOKEN = "admin-token-for-the-browser-test-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int LOAD_REQUESTS = 300;
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");

    @RegisterExtension
    final SqliteApplicationExtension app = new SqliteApplicationExtension(
            TestApplication.launcher(TestApplication.config(Map.of(AppConfig.ADMIN_TOKEN, TOKEN))));

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDashboardShowsLiveFiguresThatChangeUnderLoad() throws Exception {
        browser.get(app.baseUri() + "/admin");
        var wait = new WebDriverWait(browser, PATIENCE);

        signIn(wait, "not-the-admin-token");
        wait.until(ExpectedConditions.textToBe(By.id("token-error"), "That token was refused."));
        signIn(wait, TOKEN);
        wait.until(driver -> isNumber(text("uow-count")));
        assertThat(text("pool-size")).isEqualTo("5");
        assertThat(text("pool-waiting")).isEqualTo("0");
        assertThat(text("status")).isEqualTo("healthy");
        // On SQLite there are no replicas, and the page says so rather than showing an empty table.
        wait.until(driver -> text("replica-fallbacks").equals("0 (refused: 0)"));
        assertThat(text("replicas")).isEqualTo("none configured");
        long countBefore = Long.parseLong(text("uow-count"));
        long pointsBefore = chartPoints();

        // From another thread, while the page keeps polling; a failed request fails the test through get().
        CompletableFuture.runAsync(this::runLoad).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        wait.until(driver -> Long.parseLong(text("uow-count")) >= countBefore + LOAD_REQUESTS);
        wait.until(driver -> chartPoints() > pointsBefore + 1);
        assertThat(text("uow-p99")).endsWith(" ms");
        // The load's writes are in the audit trail, newest first: an article the loader created heads it.
        wait.until(driver -> text("audit").contains("article.created"));
        assertThat(browser.findElements(By.cssSelector("#audit tr"))).hasSize(10);
        assertThat(browser.findElement(By.cssSelector("#audit tr")).getText()).contains("user ", "article.created",
                "title, description, body, tagList");
        assertThat(text("statement-count")).matches("\\d+");
        // The use case table: each use case's count, errors and latencies over its window; and its p99 line.
        wait.until(driver -> useCaseRow("create-article").startsWith("create-article " + (LOAD_REQUESTS / 3)));
        assertThat(useCaseRow("create-article")).matches("create-article \\d+ 0( \\d+\\.\\d\\d){4} 1\\.00");
        assertThat(useCaseRow("list-articles")).startsWith("list-articles ");
        assertThat(text("use-case-window")).isEqualTo("(last 1024 units of work of each use case)");
        wait.until(driver -> useCaseChartPoints("create-article") > 1);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(SCREENSHOT)).isPositive();
    }

    private void signIn(WebDriverWait wait, String token) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input"))).sendKeys(token);
        browser.findElement(By.id("token-submit")).click();
    }

    /** How many points the pool chart holds: one per refresh the page has drawn. */
    private long chartPoints() {
        Object points = ((JavascriptExecutor) browser)
                .executeScript("const c = Chart.getChart('pool-chart'); return c ? c.data.labels.length : 0;");
        return ((Number) points).longValue();
    }

    /** The use case table's row for {@code useCase}, its cells separated by single spaces. */
    private String useCaseRow(String useCase) {
        var rows = browser.findElements(By.cssSelector("#use-cases tr[data-use-case='" + useCase + "'] td"));
        return String.join(" ", rows.stream().map(cell -> cell.getText().strip()).toList());
    }

    /** How many p99 points the use case chart holds for {@code useCase}. */
    private long useCaseChartPoints(String useCase) {
        Object points = ((JavascriptExecutor) browser).executeScript("const c = Chart.getChart('use-case-chart');"
                + " const set = c && c.data.datasets.find(s => s.label === arguments[0]);"
                + " return set ? set.data.filter(v => v !== null).length : 0;", useCase);
        return ((Number) points).longValue();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private static boolean isNumber(String text) {
        return text.matches("\\d+");
    }

    /** Registers a writer, then publishes and reads articles: each request one unit of work or more. */
    private void runLoad() {
        var http = new HttpCalls(app.baseUri(), Duration.ofSeconds(10));
        var failures = new AtomicInteger();
        String token = register(http);
        for (int i = 0; i < LOAD_REQUESTS; i++) {
            int status = i % 3 == 0
                    ? send(http, "POST", "/api/articles", "{\"article\":{\"title\":\"Load " + i
                            + "\",\"description\":\"d\",\"body\":\"b\",\"tagList\":[\"load\"]}}", token)
                    : send(http, "GET", i % 3 == 1 ? "/api/articles?limit=5" : "/api/tags", null, null);
            if (status >= 300) {
                failures.incrementAndGet();
            }
        }
        assertThat(failures).as("load requests that failed").hasValue(0);
    }

    private String register(HttpCalls http) {
        var body = "{\"user\":{\"username\":\"loader\",\"email\":\"loader@conduit.test\",\"password\":\"password-1\"}}";
        var response = exchange(http, "POST", "/api/users", body, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private int send(HttpCalls http, String method, String path, String body, String token) {
        return exchange(http, method, path, body, token).statusCode();
    }

    private HttpResponse<String> exchange(HttpCalls http, String method, String path, String body, String token) {
        return http.send(http.request(method, path, body, token));
    }
}
