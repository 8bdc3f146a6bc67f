package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.config.AppConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retries the application really made show in the admin API: a write that found SQLite locked by another
 * writer is retried as busy, and one that found it locked through every attempt is given up, each with its use
 * case name, in /admin/database/deadlocks and in the health report's reliability figures and alerts.
 */
class AdminRetryEventsTest extends SqliteBusyScenarios {
    private static final int MAX_RETRIES = 1;

    AdminRetryEventsTest() {
        super(MAX_RETRIES, Map.of(AppConfig.ADMIN_TOKEN, AdminCalls.TOKEN));
    }

    @Test
    void aBusyRetryShowsWithItsUseCaseAndCause() throws Exception {
        var reply = publishWhileTheLockIsHeldUntilTheFirstRetry("Patience");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        var deadlocks = new AdminCalls(api).call(AdminCalls.DEADLOCKS).json();

        assertThat(deadlocks.at("/retries/sinceStart/busy").asLong()).isEqualTo((long) busyRetries());
        assertThat(deadlocks.at("/retries/lastHour/busy").asLong()).isEqualTo((long) busyRetries());
        assertThat(deadlocks.at("/deadlocks/sinceStart").asLong()).isZero();
        var newest = deadlocks.at("/recent/0");
        assertThat(newest.at("/useCase").asText()).isEqualTo("create-article");
        assertThat(newest.at("/cause").asText()).isEqualTo("busy");
        assertThat(newest.at("/outcome").asText()).isEqualTo("retried");
        assertThat(newest.at("/at").asText()).matches(ConduitApi.TIMESTAMP);
        var health = new AdminCalls(api).call(AdminCalls.HEALTH).json();
        assertThat(health.at("/reliability/retries/sinceStart/busy").asLong()).isPositive();
        assertThat(health.at("/recommendations/0/code").asText()).isEqualTo("retries");
        assertThat(health.at("/status").asText()).isEqualTo("healthy");
    }

    @Test
    void aWriteGivenUpAfterItsRetriesIsAnAlertThatDegradesTheStatus() throws Exception {
        assertServiceUnavailable(publishWhileTheLockIsHeldThroughout("Too late"));

        var admin = new AdminCalls(api);
        var deadlocks = admin.call(AdminCalls.DEADLOCKS).json();
        assertThat(deadlocks.at("/exhausted/sinceStart/busy").asLong()).isEqualTo(1);
        assertThat(deadlocks.at("/recent/0/outcome").asText()).isEqualTo("gave_up");
        assertThat(deadlocks.at("/recent/0/useCase").asText()).isEqualTo("create-article");
        var health = admin.call(AdminCalls.HEALTH).json();
        assertThat(health.at("/status").asText()).isEqualTo("degraded");
        assertThat(health.at("/alerts/0/code").asText()).isEqualTo("retries_exhausted");
    }
}
