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
