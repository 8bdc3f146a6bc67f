package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.testsupport.MariaDbApplicationExtension;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin API on MariaDB, as {@link AdminOnPostgresTest} on PostgreSQL: diagnostics report the settings every
 * pooled session carries and InnoDB's open transactions, and say that index usage is not reported; a statement
 * waiting on InnoDB's row lock shows with its blocker, then as a slow statement without the values it carried.
 */
class AdminOnMariaDbTest extends AdminOnServerTest {

    @RegisterExtension
    final MariaDbApplicationExtension app = new MariaDbApplicationExtension(launcher());

    @Test
    void diagnosticsReportServerSettingsSizesAndMigrationsAndSayIndexUsageIsNotReported() {
        var diagnostics = diagnostics("mariadb", "MariaDB");

        assertThat(diagnostics.at("/timeouts/max_statement_time").asText()).isEqualTo("10.000000");
        assertThat(diagnostics.at("/timeouts/innodb_lock_wait_timeout").asText()).isEqualTo("5");
        assertThat(diagnostics.at("/timeouts/idle_transaction_timeout").asText()).isEqualTo("60");
        assertThat(diagnostics.at("/timeouts/tx_isolation").asText()).isEqualTo("READ-COMMITTED");
        assertThat(diagnostics.at("/openTransactions").isArray()).isTrue();
        assertThat(diagnostics.at("/indexUsage/reported").asBoolean(true)).isFalse();
        assertThat(diagnostics.at("/indexUsage/reason").asText()).contains("userstat");
    }

    @Test
    void metricsReportInnoDbsBufferPoolHitRatioAndSayPerTableFiguresAreNotReported() {
        api.givenAnArticleBy(api.registered("jake"), "Buffered days");

        var metrics = admin.call(AdminCalls.METRICS).json();

        assertThat(metrics.at("/useCases/items").findValuesAsText("useCase")).contains("register-user",
                "create-article");
        var server = metrics.at("/server");
        assertThat(server.at("/dialect").asText()).isEqualTo("mariadb");
        assertThat(server.at("/bufferPool/window").asText()).matches("since the server started, \\d+ s ago");
        assertThat(server.at("/bufferPool/readRequests").asLong()).isPositive();
        assertThat(server.at("/bufferPool/readsFromDisk").isNumber()).isTrue();
        assertThat(server.at("/bufferPool/cacheHitRatio").asDouble()).isBetween(0.0, 1.0);
        assertThat(server.at("/tables/reported").asBoolean(true)).isFalse();
        assertThat(server.at("/tables/note").asText()).contains("dead rows");
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
        return ServerLockWait.MARIADB;
    }
}
