package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.testsupport.PostgresApplicationExtension;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin API on PostgreSQL: diagnostics report the server's timeouts, sessions idle in a transaction and index
 * usage besides what every server reports, and a statement waiting on a lock shows with its blocker, then as a slow
 * statement without the values it carried.
 */
class AdminOnPostgresTest extends AdminOnServerTest {

    @RegisterExtension
    final PostgresApplicationExtension app = new PostgresApplicationExtension(launcher());

    @Test
    void diagnosticsReportServerSettingsSizesIndexUsageAndMigrations() {
        var diagnostics = diagnostics("postgresql", "PostgreSQL");

        assertThat(diagnostics.at("/timeouts/statement_timeout").asText()).isEqualTo("10s");
        assertThat(diagnostics.at("/timeouts/idle_in_transaction_session_timeout").asText()).isEqualTo("1min");
        assertThat(diagnostics.at("/timeouts/lock_timeout").isTextual()).isTrue();
        assertThat(diagnostics.at("/idleInTransaction").isArray()).isTrue();
        assertThat(ServerLockWait.names(diagnostics.at("/indexUsage"), "/index")).isNotEmpty();
        diagnostics.at("/indexUsage").forEach(index -> assertThat(index.at("/scans").isNumber()).isTrue());
    }

    @Test
    void metricsReportTheServersCacheHitRatioRowsReadAndTheDeadRowsOfTheAppsTables() {
        var jake = api.registered("jake");
        api.givenAnArticleBy(jake, "Vacuumed days");
        assertThat(api.get("/api/articles", null).status()).isEqualTo(200);

        var metrics = admin.call(AdminCalls.METRICS).json();

        assertThat(metrics.at("/useCases/items").findValuesAsText("useCase")).contains("register-user",
                "create-article", "list-articles");
        assertThat(metrics.at("/pool/waitMs/count").asLong()).isPositive();
        var server = metrics.at("/server");
        assertThat(server.at("/dialect").asText()).isEqualTo("postgresql");
        var database = server.at("/database");
        assertThat(database.at("/window").asText()).startsWith("since ");
        assertThat(database.at("/blocksHit").asLong()).isPositive();
        assertThat(database.at("/blocksRead").isNumber()).isTrue();
        assertThat(database.at("/cacheHitRatio").asDouble()).isBetween(0.0, 1.0);
        assertThat(database.at("/rowsRead").asLong()).isPositive();
        assertThat(database.at("/rowsFetched").isNumber()).isTrue();
        assertThat(database.at("/transactionsCommitted").asLong()).isPositive();
        var tables = server.at("/tables");
        assertThat(tables.at("/window").asText()).contains("current estimate");
        assertThat(tables.at("/tables").findValuesAsText("table")).contains("users", "articles");
        tables.at("/tables").forEach(table -> {
            assertThat(table.at("/liveRows").isNumber()).as("%s", table).isTrue();
            assertThat(table.at("/deadRows").isNumber()).as("%s", table).isTrue();
            assertThat(table.at("/deadRatio").asDouble()).as("%s", table).isBetween(0.0, 1.0);
        });
    }

    @Override
    URI baseUri() {
        return app.baseUri();
    }

    @Override
    Connection connectToTheDatabase() throws SQLException {
        return app.database().connect();
    }

    @Override
    String serverPassword() {
        return app.database().server().password();
    }

    @Override
    ServerLockWait lockWait() {
        return ServerLockWait.POSTGRESQL;
    }
}
