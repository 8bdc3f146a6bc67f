package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conduithex.adapter.jdbi.monitoring.TimingRecorder;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.ApplicationLauncher;
import io.conduithex.testsupport.kit.CapturedLogs;
import io.conduithex.testsupport.kit.LogRecorder;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API on a database server (a subclass per server): diagnostics report what every server reports, and
 * a statement waiting on a lock shows in diagnostics and then as a slow statement ({@link ServerLockWait}).
 */
@ExtendWith(CapturedLogs.class)
abstract class AdminOnServerTest {

    /** The application under test, with the admin API on. */
    static ApplicationLauncher launcher() {
        return TestApplication.launcher(TestApplication.config(Map.of(AppConfig.ADMIN_TOKEN, AdminCalls.TOKEN)));
    }

    private LogRecorder slowLog;
    ConduitApi api;
    AdminCalls admin;

    abstract URI baseUri();

    abstract Connection connectToTheDatabase() throws SQLException;

    abstract String serverPassword();

    abstract ServerLockWait lockWait();

    @BeforeEach
    void connect() {
        slowLog = LogRecorder.of(TimingRecorder.class);
        api = new ConduitApi(baseUri());
        admin = new AdminCalls(api);
    }

    @AfterEach
    void noRequestFailedWithAServerError() {
        slowLog.close();
        api.assertNoServerErrors();
    }

    @Test
    void aStatementWaitingOnALockShowsInDiagnosticsAndThenAsASlowStatement() throws Exception {
        lockWait().showsInDiagnosticsAndThenAsASlowStatement(api, admin, this::connectToTheDatabase,
                slowLog::messages);
    }

    /**
     * Diagnostics after an article was written, checked for what every server reports: the dialect and product,
     * the pool budget, empty lock waits, table sizes, migrations, and no password in the body.
     */
    JsonNode diagnostics(String dialect, String product) {
        api.givenAnArticleBy(api.registered("jake"), "Sized");

        Reply reply = admin.call(AdminCalls.DIAGNOSTICS);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var diagnostics = reply.json();
        assertThat(diagnostics.at("/dialect").asText()).isEqualTo(dialect);
        assertThat(diagnostics.at("/server/version").asText()).startsWith(product + " ");
        assertThat(diagnostics.at("/connections/maxConnections").asLong()).isPositive();
        assertThat(diagnostics.at("/connections/poolBudget").asInt()).isEqualTo(4);
        assertThat(diagnostics.at("/connections/poolBudgetPercent").asDouble()).isPositive();
        assertThat(diagnostics.at("/connections/poolBudgetOk").isBoolean()).isTrue();
        assertThat(diagnostics.at("/longRunning").isArray()).isTrue();
        assertThat(diagnostics.at("/lockWaits").isEmpty()).isTrue();
        assertThat(ServerLockWait.names(diagnostics.at("/tableSizes"), "/table"))
                .contains("users", "articles", "comments");
        diagnostics.at("/tableSizes").forEach(table ->
                assertThat(table.at("/totalBytes").asLong()).isGreaterThanOrEqualTo(table.at("/tableBytes").asLong()));
        assertThat(diagnostics.at("/migrations/pending").asInt()).isZero();
        assertThat(diagnostics.at("/migrations/currentVersion").asText()).isNotBlank();
        String password = serverPassword();
        if (password != null && !password.isEmpty()) {
            assertThat(reply.body()).doesNotContain(password);
        }
        return diagnostics;
    }
}
