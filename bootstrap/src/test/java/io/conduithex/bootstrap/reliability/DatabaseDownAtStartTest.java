package io.conduithex.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.startup.Conduit;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.config.ConfigSource;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.kit.FreePort;
import io.conduithex.testsupport.kit.HttpCalls;
import io.conduithex.testsupport.postgres.EmbeddedPostgresBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} started before its PostgreSQL: it listens at once, says it is not ready (and why) while it waits
 * with backoff, and serves as soon as the database appears, without a restart.
 */
class DatabaseDownAtStartTest {
    private final HttpClient http = HttpCalls.newClient();
    private EmbeddedPostgres postgres;
    private Conduit conduit;

    @AfterEach
    void stop() throws IOException {
        if (conduit != null) {
            conduit.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void itReportsNotReadyUntilTheDatabaseAppearsThenServes() throws Exception {
        int databasePort = FreePort.pick();
        int httpPort = FreePort.pick();
        var config = AppConfig.load(ConfigSource.of(Map.of(
                AppConfig.DATABASE_URL, "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres",
                AppConfig.DATABASE_USER, "postgres",
                AppConfig.PORT, String.valueOf(httpPort),
                AppConfig.BCRYPT_COST, "4",
                AppConfig.DB_POOL_TIMEOUT_MS, "1000",
                AppConfig.DB_STARTUP_TIMEOUT_MS, "60000")));
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

        postgres = EmbeddedPostgresBuilder.forTests(100).setPort(databasePort).start();
        conduit = starting.get(30, TimeUnit.SECONDS);

        assertThat(get(base.resolve("/health/ready")).statusCode()).isEqualTo(200);
        var tags = get(base.resolve("/api/tags"));
        assertThat(tags.statusCode()).isEqualTo(200);
        assertThat(tags.body()).isEqualTo("{\"tags\":[]}");
    }

    @Test
    void aRefusedLoginIsNotWaitedOutButEndsTheStartAtOnce() throws Exception {
        var server = io.conduithex.testsupport.postgres.PostgresServer.shared();
        String url = server.createDatabase();
        String role = "nologin_" + Long.toHexString(System.nanoTime());
        try (var admin = server.connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " NOLOGIN");
        }
        try {
            var config = AppConfig.load(ConfigSource.of(Map.of(
                    AppConfig.DATABASE_URL, url,
                    AppConfig.DATABASE_USER, role,
                    AppConfig.PORT, "0",
                    AppConfig.DB_STARTUP_TIMEOUT_MS, "60000")));

            long began = System.nanoTime();
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> conduit = TestApplication.start(config));
            long tookMillis = (System.nanoTime() - began) / 1_000_000;

            assertThat(failure).isInstanceOf(io.conduithex.bootstrap.startup.StartupException.class)
                    .hasMessageStartingWith("cannot migrate the database").hasMessageContaining("is not permitted to log in");
            assertThat(tookMillis).isLessThan(15_000);
        } finally {
            try (var admin = server.connectAsAdmin(); var statement = admin.createStatement()) {
                statement.execute("DROP ROLE " + role);
            }
            server.dropDatabase(url);
        }
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
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
