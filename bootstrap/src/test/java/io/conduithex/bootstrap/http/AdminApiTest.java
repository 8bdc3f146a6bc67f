package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ConduitApi.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.adapter.web.Readiness;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.http.AdminCalls.Endpoint;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.conduithex.testsupport.kit.CapturedLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The admin database API on SQLite with ADMIN_TOKEN set: who gets in, and what each endpoint reports. */
@ExtendWith(CapturedLogs.class)
class AdminApiTest {
    private final Readiness readiness = new Readiness();

    @RegisterExtension
    final SqliteApplicationExtension app = new SqliteApplicationExtension(TestApplication.launcher(
            TestApplication.config(Map.of(AppConfig.ADMIN_TOKEN, AdminCalls.TOKEN)),
            binder -> binder.bind(Readiness.class).toInstance(readiness)));

    ConduitApi api;
    AdminCalls admin;

    @BeforeEach
    void connect() {
        api = new ConduitApi(app.baseUri());
        admin = new AdminCalls(api);
    }

    @AfterEach
    void noRequestFailedWithAServerError() {
        api.assertNoServerErrors();
    }

    static Stream<Endpoint> endpoints() {
        return AdminCalls.DATABASE_ENDPOINTS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutABearerTokenEachEndpointAnswers401AskingForOne(Endpoint endpoint) {
        for (String header : new String[] {null, "", "Bearer", "Bearer   ", "Token " + AdminCalls.TOKEN,
                "Basic YWRtaW46YWRtaW4="}) {
            Reply reply = admin.call(endpoint, header);

            assertAuthorizationRefused(reply, 401, "an admin bearer token is required",
                    endpoint + " with Authorization " + header);
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withAWrongBearerTokenEachEndpointAnswers403(Endpoint endpoint) {
        for (String token : new String[] {"wrong", AdminCalls.TOKEN + "x", AdminCalls.TOKEN.substring(1),
                AdminCalls.TOKEN.toUpperCase(java.util.Locale.ROOT)}) {
            Reply reply = admin.call(endpoint, "Bearer " + token);

            assertAuthorizationRefused(reply, 403, "the admin token is not valid", endpoint + " with token " + token);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withTheTokenEachEndpointAnswers200WithJsonAndTheSchemeIsCaseInsensitive(Endpoint endpoint) {
        for (String scheme : new String[] {"Bearer ", "bearer ", "BEARER "}) {
            Reply reply = admin.call(endpoint, scheme + AdminCalls.TOKEN);

            assertThat(reply.status()).as("%s: %s", endpoint, reply.body()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void healthReportsThePoolTheUnitsOfWorkAndNoAlertsOnAQuietDatabase() {
        var jake = api.registered("jake");
        api.givenAnArticleBy(jake, "Quiet days");

        var health = admin.call(AdminCalls.HEALTH).json();

        assertThat(health.at("/status").asText()).isEqualTo("healthy");
        assertThat(health.at("/timestamp").asText()).matches(ConduitApi.TIMESTAMP);
        // Four readers (the test database's pool size) and the one writer.
        assertThat(health.at("/pool/size").asInt()).isEqualTo(5);
        assertThat(health.at("/pool/waiting").asInt()).isZero();
        assertThat(health.at("/pool/active").asInt() + health.at("/pool/idle").asInt()).isLessThanOrEqualTo(5);
        assertThat(health.at("/pool/utilizationPercent").isNumber()).isTrue();
        var unitOfWork = health.at("/performance/unitOfWork");
        assertThat(unitOfWork.at("/count").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(unitOfWork.at("/p50Ms").asDouble()).isPositive();
        assertThat(unitOfWork.at("/p99Ms").asDouble()).isGreaterThanOrEqualTo(unitOfWork.at("/p95Ms").asDouble())
                .isGreaterThanOrEqualTo(unitOfWork.at("/p50Ms").asDouble());
        assertThat(health.at("/performance/statements/count").asLong())
                .isGreaterThan(unitOfWork.at("/count").asLong());
        var slow = health.at("/performance/slowStatements");
        assertThat(slow.at("/thresholdMs").asLong()).isEqualTo(500);
        assertThat(slow.at("/recent").isArray()).isTrue();
        assertThat(health.at("/reliability/retries/lastHour").isObject()).isTrue();
        assertThat(health.at("/reliability/retries/sinceStart").isObject()).isTrue();
        assertThat(health.at("/reliability/deadlocks/lastHour").asLong()).isZero();
        assertThat(health.at("/reliability/deadlocks/sinceStart").asLong()).isZero();
        assertThat(health.at("/alerts").isEmpty()).isTrue();
        assertThat(health.at("/recommendations").isArray()).isTrue();
    }

    @Test
    void theUnitOfWorkCountGrowsWithTheRequestsServed() {
        long before = admin.call(AdminCalls.HEALTH).json().at("/performance/unitOfWork/count").asLong();

        // Lists, not tags, and five different pages: the tags, and a page asked for again, may be answered from
        // memory without a unit of work.
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/articles?offset=" + i, null).status()).isEqualTo(200);
        }

        long after = admin.call(AdminCalls.HEALTH).json().at("/performance/unitOfWork/count").asLong();
        assertThat(after - before).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theReadCacheReportsItsSettingsHitsMissesAndInvalidations() {
        var jake = api.registered("jake");
        String slug = api.givenAnArticleBy(jake, "Cached days");
        for (int i = 0; i < 3; i++) {
            assertThat(api.article(slug, null).status()).isEqualTo(200);
        }
        assertThat(api.article(slug, jake.token()).status()).as("signed in: never from memory").isEqualTo(200);

        var cache = admin.call(AdminCalls.READ_CACHE).json();

        assertThat(cache.at("/enabled").asBoolean()).isTrue();
        assertThat(cache.at("/maxStalenessMs").asLong()).isEqualTo(1000);
        assertThat(cache.at("/maxBytes").asLong()).isEqualTo(33_554_432);
        assertThat(cache.at("/entries").asLong()).isEqualTo(1);
        assertThat(cache.at("/bytes").asLong()).isPositive();
        // The first read, and any that came more than the staleness bound after the one that read the database.
        assertThat(cache.at("/misses").asLong()).isPositive();
        assertThat(cache.at("/hits").asLong() + cache.at("/misses").asLong()).isEqualTo(3);
        assertThat(cache.at("/invalidations/lists").asLong()).as("the article's creation").isEqualTo(1);
        assertThat(cache.at("/invalidations/articles").asLong()).isEqualTo(1);
        assertThat(cache.at("/feed/kind").asText()).isEqualTo("single-instance");
        assertThat(cache.at("/feed/connected").asBoolean()).isTrue();
    }

    @Test
    void connectionPoolReportsItsLiveStateAndConfiguration() {
        var pool = admin.call(AdminCalls.CONNECTION_POOL).json();

        assertThat(pool.at("/size").asInt()).isEqualTo(5);
        assertThat(pool.at("/waiting").asInt()).isZero();
        assertThat(pool.at("/configuration/dialect").asText()).isEqualTo("sqlite");
        assertThat(pool.at("/configuration/maximumPoolSize").asInt()).isEqualTo(4);
        assertThat(pool.at("/configuration/connectionTimeoutMs").asLong()).isEqualTo(5000);
        assertThat(pool.at("/configuration/statementTimeoutMs").asLong()).isEqualTo(10_000);
        assertThat(pool.at("/configuration/instances").asInt()).isEqualTo(1);
        assertThat(pool.at("/configuration/poolBudget").asInt()).isEqualTo(4);
    }

    @Test
    void deadlocksReportsNothingWhenNothingWasRetried() {
        var deadlocks = admin.call(AdminCalls.DEADLOCKS).json();

        assertThat(deadlocks.at("/deadlocks/lastHour").asLong()).isZero();
        assertThat(deadlocks.at("/deadlocks/sinceStart").asLong()).isZero();
        assertThat(deadlocks.at("/retries/sinceStart").isEmpty()).isTrue();
        assertThat(deadlocks.at("/recent").isEmpty()).isTrue();
    }

    @Test
    void diagnosticsOnSqliteReportJournalModePagesIntegrityTablesAndMigrations() {
        var jake = api.registered("jake");
        api.givenAnArticleBy(jake, "Counted");

        var diagnostics = admin.call(AdminCalls.DIAGNOSTICS).json();

        assertThat(diagnostics.at("/dialect").asText()).isEqualTo("sqlite");
        assertThat(diagnostics.at("/server/version").asText()).matches("3\\.\\d+\\.\\d+");
        assertThat(diagnostics.at("/storage/journalMode").asText()).isEqualTo("wal");
        assertThat(diagnostics.at("/storage/pageCount").asLong()).isPositive();
        assertThat(diagnostics.at("/storage/sizeBytes").asLong())
                .isEqualTo(diagnostics.at("/storage/pageCount").asLong() * diagnostics.at("/storage/pageSize").asLong());
        assertThat(diagnostics.at("/storage/freelistCount").isNumber()).isTrue();
        assertThat(diagnostics.at("/integrity/quickCheck").asText()).isEqualTo("ok");
        List<String> tables = new ArrayList<>();
        diagnostics.at("/tables").forEach(table -> {
            tables.add(table.at("/table").asText());
            if (table.at("/table").asText().equals("users") || table.at("/table").asText().equals("articles")) {
                assertThat(table.at("/rows").asLong()).as(table.toString()).isEqualTo(1);
            }
        });
        assertThat(tables).contains("users", "articles", "comments", "flyway_schema_history");
        assertThat(diagnostics.at("/migrations/pending").asInt()).isZero();
        assertThat(diagnostics.at("/migrations/applied").asInt()).isPositive();
        assertThat(diagnostics.at("/migrations/currentVersion").asText()).isNotBlank();
    }

    @Test
    void theAdminApiAnswersWhileTheApiIsNotReady() {
        readiness.notReady("waiting for the database");

        assertThat(api.tags().status()).isEqualTo(503);
        assertThat(admin.call(AdminCalls.HEALTH).status()).isEqualTo(200);
        assertThat(admin.get("/admin").status()).isEqualTo(200);
    }

    @Test
    void theDashboardPageAndItsAssetsComeFromTheJarWithNoExternalAddress() {
        Reply page = admin.get("/admin");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("script-src 'self'");
        assertThat(page.body()).contains("/admin/assets/chart.umd.js").doesNotContain("http://")
                .doesNotContain("https://");
        Reply chart = admin.get("/admin/assets/chart.umd.js");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.header("Content-Type")).startsWith("text/javascript");
        assertThat(chart.body()).contains("Chart.js v4");
        Reply script = admin.get("/admin/assets/dashboard.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("/admin/database/health").doesNotContain("http://")
                .doesNotContain("https://");
        assertThat(admin.get("/admin/assets/missing.js").status()).isEqualTo(404);
        assertThat(admin.get("/admin/assets/..%2Fdashboard.html").status()).isEqualTo(404);
    }

    @Test
    void anArticleWriteIsAUnitOfWorkTheDashboardCanCount() {
        var jake = api.registered("jake");
        long before = admin.call(AdminCalls.HEALTH).json().at("/performance/unitOfWork/count").asLong();

        var reply = api.createArticle(jake.token(), article("Counted write", "d", "b"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(admin.call(AdminCalls.HEALTH).json().at("/performance/unitOfWork/count").asLong())
                .isGreaterThan(before);
    }

    /** The admin API's refusal: {@code status} with the JSON error body naming the authorization problem. */
    private static void assertAuthorizationRefused(Reply reply, int status, String problem, String call) {
        assertThat(reply.status()).as(call).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.body()).isEqualTo(reply.errorBody("{\"authorization\":[\"" + problem + "\"]}"));
    }
}
