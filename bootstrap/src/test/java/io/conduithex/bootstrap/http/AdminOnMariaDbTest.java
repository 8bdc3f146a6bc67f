package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.MariaDbApplicationExtension;
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
 * The admin API's diagnostics on MariaDB, as {@link AdminOnPostgresTest} on PostgreSQL: the server, the settings
 * every pooled session carries, table sizes and migrations, and a plain statement that index usage is not
 * reported.
 */
@ExtendWith(CapturedLogs.class)
class AdminOnMariaDbTest {
    @RegisterExtension
    final MariaDbApplicationExtension app = new MariaDbApplicationExtension(TestApplication.launcher(
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
    void diagnosticsReportServerSettingsSizesAndMigrationsAndSayIndexUsageIsNotReported() {
        api.givenAnArticleBy(api.registered("jake"), "Sized");

        Reply reply = admin.call(AdminCalls.DIAGNOSTICS);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var diagnostics = reply.json();
        assertThat(diagnostics.at("/dialect").asText()).isEqualTo("mariadb");
        assertThat(diagnostics.at("/server/version").asText()).startsWith("MariaDB ");
        assertThat(diagnostics.at("/connections/maxConnections").asLong()).isPositive();
        assertThat(diagnostics.at("/connections/poolBudget").asInt()).isEqualTo(4);
        assertThat(diagnostics.at("/connections/poolBudgetPercent").asDouble()).isPositive();
        assertThat(diagnostics.at("/connections/poolBudgetOk").isBoolean()).isTrue();
        assertThat(diagnostics.at("/timeouts/max_statement_time").asText()).isEqualTo("10.000000");
        assertThat(diagnostics.at("/timeouts/innodb_lock_wait_timeout").asText()).isEqualTo("5");
        assertThat(diagnostics.at("/timeouts/idle_transaction_timeout").asText()).isEqualTo("60");
        assertThat(diagnostics.at("/timeouts/tx_isolation").asText()).isEqualTo("READ-COMMITTED");
        assertThat(diagnostics.at("/longRunning").isArray()).isTrue();
        assertThat(diagnostics.at("/openTransactions").isArray()).isTrue();
        assertThat(diagnostics.at("/lockWaits").isEmpty()).isTrue();
        assertThat(names(diagnostics.at("/tableSizes"), "/table")).contains("users", "articles", "comments");
        diagnostics.at("/tableSizes").forEach(table ->
                assertThat(table.at("/totalBytes").asLong()).isGreaterThanOrEqualTo(table.at("/tableBytes").asLong()));
        assertThat(diagnostics.at("/indexUsage/reported").asBoolean(true)).isFalse();
        assertThat(diagnostics.at("/indexUsage/reason").asText()).contains("userstat");
        assertThat(diagnostics.at("/migrations/pending").asInt()).isZero();
        assertThat(diagnostics.at("/migrations/currentVersion").asText()).isNotBlank();
        String password = app.database().server().password();
        if (password != null && !password.isEmpty()) {
            assertThat(reply.body()).doesNotContain(password);
        }
    }

    private static List<String> names(JsonNode array, String pointer) {
        List<String> names = new ArrayList<>();
        array.forEach(element -> names.add(element.at(pointer).asText()));
        return names;
    }
}
