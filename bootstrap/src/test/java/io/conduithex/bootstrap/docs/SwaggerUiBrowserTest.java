package io.conduithex.bootstrap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.testkit.HeadlessChromium;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.conduithex.testsupport.kit.HttpCalls;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI at {@code /api/docs} in headless Chromium against the real application on SQLite: under its content
 * security policy it loads the document from the server, and "Try it out" calls the server, with the Conduit token
 * once it is given in the Authorize dialog, and keeps that token in the browser (persistAuthorization).
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}, as DashboardBrowserTest does.
 */
class SwaggerUiBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    final SqliteApplicationExtension app = TestApplication.onFreshSqlite();

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
    void swaggerUiShowsTheDocumentAndTriesItOutWithTheToken() {
        String token = registeredToken();
        var wait = new WebDriverWait(browser, PATIENCE);

        browser.get(app.baseUri() + "/api/docs#/User%20and%20Authentication/GetCurrentUser");
        wait.until(driver -> !driver.findElements(By.cssSelector(".information-container .title")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".information-container .title")).getText())
                .as("the title, with the OpenAPI version Swagger UI read the document as")
                .contains("conduit-hex", "OAS 3.1");
        assertThat(browser.findElements(By.cssSelector(".opblock"))).hasSizeGreaterThan(30);

        // Authorize, as a reader would: the dialog's form for the Conduit token.
        click(browser.findElement(By.cssSelector(".auth-wrapper .authorize")));
        WebElement tokenForm = wait.until(driver -> driver.findElements(By.cssSelector(".modal-ux .auth-container"))
                .stream().filter(form -> form.getText().contains("apiKey")).findFirst().orElse(null));
        tokenForm.findElement(By.cssSelector("input")).sendKeys("Token " + token);
        click(tokenForm.findElement(By.cssSelector(".auth-btn-wrapper .authorize")));
        wait.until(driver -> tokenForm.getText().contains("Authorized"));
        click(browser.findElement(By.cssSelector(".modal-ux .close-modal")));
        WebElement operation = wait.until(driver -> driver.findElement(By.id(
                "operations-User_and_Authentication-GetCurrentUser")));
        if (operation.findElements(By.cssSelector(".try-out__btn")).isEmpty()) {
            click(operation.findElement(By.cssSelector(".opblock-summary")));
        }
        click(wait.until(driver -> operation.findElement(By.cssSelector(".try-out__btn"))));
        click(wait.until(driver -> operation.findElement(By.cssSelector(".execute"))));
        By answered = By.cssSelector(".live-responses-table tr.response");
        wait.until(driver -> !operation.findElements(answered).isEmpty());
        WebElement response = operation.findElement(answered);
        assertThat(response.findElement(By.cssSelector(".response-col_status")).getText()).startsWith("200");
        assertThat(response.findElement(By.cssSelector(".response-col_description")).getText())
                .contains("swagger-reader");
        // persistAuthorization: the token outlives a reload of the page.
        assertThat((String) ((JavascriptExecutor) browser).executeScript(
                "return window.localStorage.getItem('authorized');")).contains(token);
    }

    /** Clicked by script: the page scrolls to the deep-linked operation and unfolds it, which can cover a button. */
    private void click(WebElement button) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", button);
    }

    private String registeredToken() {
        var http = new HttpCalls(app.baseUri(), Duration.ofSeconds(10));
        var body = "{\"user\":{\"username\":\"swagger-reader\",\"email\":\"swagger-reader@conduit.test\","
                + "\"password\":\"password-1\"}}";
        var response = http.send(http.request("POST", "/api/users", body, null));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }
}
