package io.conduithex.testsupport.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.application.maintenance.Housekeeping;
import io.conduithex.application.transaction.RetrySettings;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.audit.AuditAction;
import io.conduithex.domain.audit.AuditEvent;
import io.conduithex.domain.audit.AuditQuery;
import io.conduithex.domain.idempotency.IdempotencyKey;
import io.conduithex.domain.idempotency.KeyRecord;
import io.conduithex.domain.idempotency.KeyScope;
import io.conduithex.domain.idempotency.RequestFingerprint;
import io.conduithex.domain.idempotency.StoredResponse;
import io.conduithex.domain.user.UserId;
import io.conduithex.testsupport.SqliteTestDatabase;
import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.PersistenceContract;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A housekeeping sweep removes exactly what expired, in batches, and says so in its meters. */
class SqliteHousekeepingTest extends PersistenceContract {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(90);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected TestDatabase newDatabase() {
        return SqliteTestDatabase.create(SqliteTestDatabase.Options.DEFAULTS);
    }

    @Test
    void aSweepRemovesExpiredKeysAndOldEventsInBatchesAndKeepsTheRest() {
        int expired = Housekeeping.BATCH * 2 + 7;
        commit(tx -> {
            for (int i = 0; i < expired; i++) {
                tx.idempotencyKeys().store(key("expired-" + i, NOW.minusSeconds(1 + i)), NOW);
            }
            tx.idempotencyKeys().store(key("alive", NOW.plusSeconds(60)), NOW);
            for (int i = 0; i < Housekeeping.BATCH + 3; i++) {
                tx.audit().append(event(NOW.minus(RETENTION).minusSeconds(1 + i)));
            }
            tx.audit().append(event(NOW.minus(RETENTION).plusSeconds(1)));
        });

        var sweep = housekeeping().sweep();

        assertThat(sweep).isEqualTo(new Housekeeping.Sweep(expired, Housekeeping.BATCH + 3));
        Optional<KeyRecord> alive = read(tx -> tx.idempotencyKeys().find(KeyScope.REGISTRATION,
                new IdempotencyKey("alive"), NOW));
        List<AuditEvent> kept = read(tx -> tx.audit().page(new AuditQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10)));
        assertThat(alive).isPresent();
        assertThat(kept).hasSize(1);
        assertThat(meters.get("conduit.housekeeping.deleted").tag("table", "idempotency_keys").counter().count())
                .isEqualTo(expired);
        assertThat(meters.get("conduit.housekeeping.batches").tag("table", "idempotency_keys").timer().count())
                .as("two full batches and a short one").isEqualTo(3);
        assertThat(meters.get("conduit.housekeeping.batches").tag("table", "audit_events").timer().count())
                .isEqualTo(2);
        assertThat(housekeeping().sweep()).isEqualTo(new Housekeeping.Sweep(0, 0));
    }

    private Housekeeping housekeeping() {
        return new Housekeeping(new TransactionRunner(unitOfWork(), RetrySettings.DEFAULTS, meters),
                Clock.fixed(NOW, ZoneOffset.UTC), new Housekeeping.Retention(RETENTION), meters);
    }

    private static KeyRecord key(String key, Instant expiresAt) {
        return KeyRecord.answered(KeyScope.REGISTRATION, new IdempotencyKey(key), new RequestFingerprint("f"),
                expiresAt, new StoredResponse(201, "application/json", new byte[0]));
    }

    private static AuditEvent event(Instant at) {
        return new AuditEvent(0, at, Optional.of(new UserId(1)), AuditAction.USER_UPDATED, "1", Optional.empty(),
                List.of("bio"));
    }
}
