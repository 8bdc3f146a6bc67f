package io.conduithex.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.config.ConfigSource;
import io.conduithex.bootstrap.reliability.FaultServer.RefusedLogin;
import io.conduithex.bootstrap.startup.StartupException;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.kit.FreePort;
import io.conduithex.testsupport.kit.HttpCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} started while its database server is down: it listens at once, says it is not ready (and why)
 * while it waits with backoff, and serves as soon as the database is back, without a restart. A login the server
 * refuses is not waited out: it ends the start at once.
 */
abstract class DatabaseDownAtStart extends FaultTest {
    private final HttpClient http = HttpCalls.newClient();

    DatabaseDownAtStart(FaultServer.Launcher launcher) {
        super(launcher);
    }

    @Test
    void itReportsNotReadyUntilTheDatabaseAppearsThenServes() throws Exception {
        server.stop();
        int httpPort = FreePort.pick();
        var config = config(server.user(), null, Map.of(
                AppConfig.PORT, String.valueOf(httpPort),
                AppConfig.BCRYPT_COST, "4",
                AppConfig.DB_POOL_TIMEOUT_MS, "1000"));
        var starting = CompletableFuture.supplyAsync(() -> TestApplication.start(config));
        URI base = URI.create("http://127.0.0.1:" + httpPort);

        var notReady = awaitAnswer(base.resolve("/health/ready"));
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("\"status\":\"DOWN\"").contains("waiting for the database");
        var api = get(base.resolve("/api/tags"));
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.body()).contains("is not ready yet").doesNotContain("SQLSTATE", "refused", "127.0.0.1");
        assertThat(get(base.resolve("/health/live")).statusCode()).isEqualTo(200);
        assertThat(starting).isNotDone();

        server.start();
        closeAfterwards(starting.get(30, TimeUnit.SECONDS));

        assertThat(get(base.resolve("/health/ready")).statusCode()).isEqualTo(200);
        var tags = get(base.resolve("/api/tags"));
        assertThat(tags.statusCode()).isEqualTo(200);
        assertThat(tags.body()).isEqualTo("{\"tags\":[]}");
    }

    @Test
    void aRefusedLoginIsNotWaitedOutButEndsTheStartAtOnce() {
        RefusedLogin login = server.refusedLogin();
        var config = config(login.user(), login.password(), Map.of(AppConfig.PORT, "0"));

        long began = System.nanoTime();
        Throwable failure = catchThrowable(() -> closeAfterwards(TestApplication.start(config)));
        long tookMillis = (System.nanoTime() - began) / 1_000_000;

        assertThat(failure).isInstanceOf(StartupException.class)
                .hasMessageStartingWith("cannot migrate the database").hasMessageContaining(login.reason());
        assertThat(tookMillis).isLessThan(15_000);
    }

    /** The test's database, as {@code user}, with a minute to wait for it at start, and {@code more}. */
    private AppConfig config(String user, String password, Map<String, String> more) {
        var variables = new HashMap<>(more);
        variables.put(AppConfig.DATABASE_URL, server.url(server.port(), database));
        variables.put(AppConfig.DATABASE_USER, user);
        if (password != null) {
            variables.put(AppConfig.DATABASE_PASSWORD, password);
        }
        variables.put(AppConfig.DB_STARTUP_TIMEOUT_MS, "60000");
        return AppConfig.load(ConfigSource.of(variables));
    }

    /** The first answer from the server, which starts listening a moment after start() is called. */
    private HttpResponse<String> awaitAnswer(URI uri) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                return get(uri);
            } catch (IOException notListeningYet) {
                if (System.nanoTime() > deadline) {
                    throw notListeningYet;
                }
                Thread.sleep(50);
            }
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpCalls.checkedSend(http, HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build());
    }
}
