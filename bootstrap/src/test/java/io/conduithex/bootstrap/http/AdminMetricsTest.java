package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.conduithex.testsupport.kit.CapturedLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /admin/database/metrics on SQLite: per use case latencies, transactions, retries, pool waits and the
 * statements by total time, each with its window, and never a value a request carried. (Who gets in is tested
 * for every admin endpoint in {@link AdminApiTest}.)
 */
@ExtendWith(CapturedLogs.class)
class AdminMetricsTest {
    @RegisterExtension
    final SqliteApplicationExtension app = new SqliteApplicationExtension(TestApplication.launcher(
            TestApplication.config(Map.of(AppConfig.ADMIN_TOKEN, AdminCalls.TOKEN))));

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

    @Test
    void withoutATokenOrWithAWrongOneTheMetricsAreRefused() {
        assertThat(admin.call(AdminCalls.METRICS, null).status()).isEqualTo(401);
        assertThat(admin.call(AdminCalls.METRICS, "Bearer wrong-" + AdminCalls.TOKEN).status()).isEqualTo(403);
    }

    @Test
    void afterSomeRequestsEachUseCaseReportsItsCountErrorsAndPercentilesOverItsWindow() {
        var jake = api.registered("jake");
        api.givenAnArticleBy(jake, "Measured days");
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/articles?offset=" + i, null).status()).isEqualTo(200);
        }
        assertThat(api.register("jake", "another-" + ConduitApi.emailOf("jake"), "whatever-password").status())
                .as("a duplicate username").isEqualTo(422);

        var metrics = admin.call(AdminCalls.METRICS).json();

        assertThat(metrics.at("/timestamp").asText()).matches(ConduitApi.TIMESTAMP);
        assertThat(metrics.at("/useCases/window").asText()).isEqualTo("last 1024 units of work of each use case");
        var register = useCase(metrics, "register-user");
        assertThat(register.at("/count").asLong()).isEqualTo(2);
        assertThat(register.at("/errors").asLong()).as("the duplicate, refused by the unique key").isEqualTo(1);
        var list = useCase(metrics, "list-articles");
        assertThat(list.at("/count").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(list.at("/errors").asLong()).isZero();
        assertThat(list.at("/sinceStart").asLong()).isEqualTo(list.at("/count").asLong());
        assertThat(list.at("/p50Ms").asDouble()).isPositive();
        assertThat(list.at("/maxMs").asDouble()).isGreaterThanOrEqualTo(list.at("/p99Ms").asDouble());
        assertThat(list.at("/p99Ms").asDouble()).isGreaterThanOrEqualTo(list.at("/p95Ms").asDouble());
        assertThat(list.at("/p95Ms").asDouble()).isGreaterThanOrEqualTo(list.at("/p50Ms").asDouble());
        assertThat(list.at("/retryAmplification").asDouble()).isEqualTo(1.0);
        assertThat(useCase(metrics, "create-article").at("/count").asLong()).isEqualTo(1);
    }

    @Test
    void transactionsRetriesAndThePoolSayOverWhichWindowTheyWereTaken() {
        var jake = api.registered("jake");
        api.givenAnArticleBy(jake, "Counted days");

        var metrics = admin.call(AdminCalls.METRICS).json();

        assertThat(metrics.at("/transactions/window").asText()).isEqualTo("since start");
        assertThat(metrics.at("/transactions/committed").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(metrics.at("/transactions/rolledBack").isNumber()).isTrue();
        assertThat(metrics.at("/transactions/commitOutcomeUnknown").asLong()).isZero();
        assertThat(metrics.at("/retries/lastHour/window").asText()).isEqualTo("last hour");
        assertThat(metrics.at("/retries/lastHour/byCause").isEmpty()).isTrue();
        assertThat(metrics.at("/retries/sinceStart/window").asText()).isEqualTo("since start");
        assertThat(metrics.at("/retries/exhaustedSinceStart/byCause").isEmpty()).isTrue();
        var amplification = metrics.at("/retries/amplification");
        assertThat(amplification.at("/window").asText()).isEqualTo("last 1024 units of work of each use case");
        assertThat(amplification.at("/unitsOfWork").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(amplification.at("/attempts").asLong()).isEqualTo(amplification.at("/unitsOfWork").asLong());
        assertThat(amplification.at("/ratio").asDouble()).isEqualTo(1.0);
        var pool = metrics.at("/pool");
        assertThat(pool.at("/window").asText()).isEqualTo("now");
        assertThat(pool.at("/size").asInt()).isEqualTo(5);
        assertThat(pool.at("/pending").asInt()).isZero();
        assertThat(pool.at("/active").asInt() + pool.at("/idle").asInt()).isLessThanOrEqualTo(5);
        var wait = pool.at("/waitMs");
        assertThat(wait.at("/window").asText()).isEqualTo("last 2048 connection acquisitions");
        assertThat(wait.at("/count").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(wait.at("/maxMs").asDouble()).isGreaterThanOrEqualTo(wait.at("/p99Ms").asDouble())
                .isGreaterThanOrEqualTo(wait.at("/p50Ms").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(metrics.at("/server/dialect").asText()).isEqualTo("sqlite");
        assertThat(metrics.at("/server/reported").asBoolean(true)).isFalse();
        assertThat(metrics.at("/server/note").asText()).contains("keeps no statistics");
    }

    @Test
    void statementsAreRankedByTotalTimeWithTheirTextAndNeverAValue() {
        var jake = api.registered("jake");
        String title = "Confidential plans of 4711";
        api.givenAnArticleBy(jake, title, "secret-tag");
        assertThat(api.login(jake.email(), jake.password()).status()).isEqualTo(200);
        assertThat(api.get("/api/articles?author=jake&limit=7", null).status()).isEqualTo(200);

        var reply = admin.call(AdminCalls.METRICS);
        var statements = reply.json().at("/statements");

        assertThat(statements.at("/window").asText()).isEqualTo("last 4096 statements");
        assertThat(statements.at("/statements").asLong()).isPositive();
        List<Double> totals = new ArrayList<>();
        statements.at("/topByTotalTime").forEach(statement -> {
            assertThat(statement.at("/sql").asText()).isNotBlank();
            assertThat(statement.at("/count").asLong()).isPositive();
            assertThat(statement.at("/totalMs").asDouble()).isGreaterThanOrEqualTo(statement.at("/maxMs").asDouble());
            assertThat(statement.at("/maxMs").asDouble()).isGreaterThanOrEqualTo(statement.at("/meanMs").asDouble());
            totals.add(statement.at("/totalMs").asDouble());
        });
        assertThat(totals).hasSizeBetween(1, 10).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        String body = statements.toString();
        assertThat(body).contains("?");
        for (String value : List.of(jake.email(), jake.password(), jake.token(), "Confidential", "4711",
                "secret-tag", "'jake'")) {
            assertThat(body).as("a value a request carried").doesNotContain(value);
        }
    }

    private static JsonNode useCase(JsonNode metrics, String name) {
        for (JsonNode item : metrics.at("/useCases/items")) {
            if (item.at("/useCase").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no use case " + name + " in " + metrics.at("/useCases"));
    }
}
