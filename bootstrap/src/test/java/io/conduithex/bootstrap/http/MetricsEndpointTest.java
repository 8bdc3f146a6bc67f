package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ConduitApi.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.testsupport.kit.CapturedLogs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /metrics on the application as production wires it: Prometheus text with the pool, JVM and process
 * families, HTTP timers by route template and status, unit-of-work timers by outcome, retries by cause and
 * constraint violations by kind, each provoked for real over HTTP first.
 */
@ExtendWith(CapturedLogs.class)
class MetricsEndpointTest {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{.*})?) (\\S+)$");

    @TempDir
    Path folder;

    private AppOnSqliteFile app;
    private ConduitApi api;

    @BeforeEach
    void start() {
        // A short busy_timeout (it equals the pool timeout on SQLite) so that a locked write turns busy quickly.
        app = AppOnSqliteFile.start(folder, Map.of(AppConfig.DB_POOL_TIMEOUT_MS, "300",
                AppConfig.DB_MAX_RETRIES, "3"));
        api = new ConduitApi(app.baseUri());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theScrapeIsPrometheusTextAndNeedsNoToken() {
        var reply = api.get("/metrics", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(reply.body()).contains("# TYPE ").contains("# HELP ");
    }

    @Test
    void poolJvmAndProcessFamiliesArePresent() {
        api.registered("jake");

        var samples = scrape();

        assertThat(samples).anySatisfy((sample, value) -> assertThat(sample)
                .startsWith("hikaricp_connections_active{").contains("pool=\"conduit-sqlite-reader\""));
        assertThat(samples).anySatisfy((sample, value) -> assertThat(sample)
                .startsWith("hikaricp_connections_pending{").contains("pool=\"conduit-sqlite-writer\""));
        assertThat(samples).anySatisfy((sample, value) -> assertThat(sample).startsWith("jvm_memory_used_bytes{"));
        assertThat(samples).anySatisfy((sample, value) -> assertThat(sample).startsWith("jvm_gc_"));
        assertThat(samples).anySatisfy((sample, value) -> assertThat(sample).startsWith("jvm_threads_live_threads"));
        assertThat(samples).anySatisfy((sample, value) -> assertThat(sample).startsWith("jvm_classes_loaded_classes"));
        assertThat(samples).containsKey("process_cpu_usage");
        assertThat(samples).containsKey("process_uptime_seconds");
        assertThat(samples).containsKey("process_files_open_files");
    }

    @Test
    void requestsAreTimedByMethodRouteTemplateAndStatus() {
        var jake = api.registered("jake");
        api.get("/api/articles/no-such-article", null);
        api.get("/api/articles/nor-this-one", null);
        api.currentUser(jake.token());
        api.get("/api/not/a/route", null);

        var samples = awaitSamples(Map.of(
                "http_server_requests_seconds_count{method=\"GET\",route=\"/api/articles/{slug}\",status=\"404\"}", 2.0,
                "http_server_requests_seconds_count{method=\"POST\",route=\"/api/users\",status=\"201\"}", 1.0,
                "http_server_requests_seconds_count{method=\"GET\",route=\"/api/user\",status=\"200\"}", 1.0,
                "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}", 1.0));

        assertThat(samples.keySet()).noneMatch(sample -> sample.contains("no-such-article"));
    }

    @Test
    void requestAndUnitOfWorkTimersPublishAFixedSetOfHistogramBuckets() {
        api.registered("jake");

        var samples = awaitSamples(Map.of(
                "http_server_requests_seconds_bucket{method=\"POST\",route=\"/api/users\",status=\"201\",le=\"+Inf\"}",
                1.0,
                "conduit_uow_duration_seconds_bucket{outcome=\"commit\",use_case=\"register-user\",le=\"+Inf\"}",
                1.0));

        var buckets = samples.keySet().stream()
                .filter(sample -> sample.startsWith("http_server_requests_seconds_bucket{method=\"POST\","
                        + "route=\"/api/users\",status=\"201\""))
                .map(sample -> sample.replaceAll(".*le=\"([^\"]+)\".*", "$1")).toList();
        assertThat(buckets).containsExactly("0.001", "0.002", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5",
                "1.0", "2.5", "5.0", "10.0", "+Inf");
        assertThat(samples.keySet()).noneMatch(sample -> sample.startsWith("conduit_db_statements_seconds_bucket"));
    }

    @Test
    void aDuplicateRegistrationIsCountedAsAUniqueViolationAndItsUnitOfWorkAsRolledBack() {
        api.registered("jake");

        var duplicate = api.register("jake", "someone-else@conduit.test", "password-of-someone");

        assertThat(duplicate.status()).isEqualTo(422);
        var samples = scrape();
        assertThat(samples).containsEntry(
                "conduit_db_constraint_violations_total{constraint=\"users.username_key\",kind=\"unique\"}", 1.0);
        assertThat(samples).containsEntry(
                "conduit_uow_duration_seconds_count{outcome=\"commit\",use_case=\"register-user\"}", 1.0);
        assertThat(samples).containsEntry(
                "conduit_uow_duration_seconds_count{outcome=\"rollback\",use_case=\"register-user\"}", 1.0);
        assertThat(samples).containsKey(
                "conduit_uow_transactions_seconds_count{outcome=\"rollback\",use_case=\"register-user\"}");
    }

    @Test
    void aWriteRetriedAfterTheDatabaseWasBusyIsCountedByCauseAndTimedAsRetried() throws Exception {
        var jake = api.registered("jake");

        Reply reply;
        try (var foreign = ForeignSqliteWriter.holdingTheWriteLockOf(app.databaseUrl())) {
            var publishing = CompletableFuture.supplyAsync(() -> api.createArticle(jake.token(),
                    article("Patience", "About patience", "All about patience")));
            // The lock goes once the application was turned away and counted its retry, so the retry succeeds.
            awaitRetries(publishing);
            foreign.close();
            reply = publishing.get(10, TimeUnit.SECONDS);
        }

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        var samples = scrape();
        assertThat(samples.get("conduit_uow_retries_total{cause=\"busy\",use_case=\"create-article\"}"))
                .isNotNull().isGreaterThanOrEqualTo(1.0);
        assertThat(samples).containsEntry(
                "conduit_uow_duration_seconds_count{outcome=\"retried\",use_case=\"create-article\"}", 1.0);
        assertThat(samples).doesNotContainKey(
                "conduit_uow_duration_seconds_count{outcome=\"commit\",use_case=\"create-article\"}");
    }

    private void awaitRetries(CompletableFuture<Reply> publishing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!scrape().containsKey("conduit_uow_retries_total{cause=\"busy\",use_case=\"create-article\"}")) {
            assertThat(publishing).as("the write gave up before the lock was released").isNotDone();
            assertThat(System.nanoTime() - deadline).as("waited 10 s for a retry").isNegative();
            Thread.sleep(5);
        }
    }

    /**
     * Scrapes until every expected sample has its value (bounded), and returns that scrape. A request is timed as
     * it completes, just after its response went out, so the client can be a moment ahead of the timer.
     */
    private Map<String, Double> awaitSamples(Map<String, Double> expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Map<String, Double> samples = scrape();
        while (!samples.entrySet().containsAll(expected.entrySet()) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            samples = scrape();
        }
        for (var sample : expected.entrySet()) {
            assertThat(samples).containsEntry(sample.getKey(), sample.getValue());
        }
        return samples;
    }

    /** The samples of a scrape, by name with labels. */
    private Map<String, Double> scrape() {
        var reply = api.get("/metrics", null);
        assertThat(reply.status()).isEqualTo(200);
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : reply.body().split("\n")) {
            var sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
            }
        }
        return samples;
    }
}
