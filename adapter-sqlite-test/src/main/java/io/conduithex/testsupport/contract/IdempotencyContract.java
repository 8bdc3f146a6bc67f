package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.domain.audit.AuditAction;
import io.conduithex.domain.audit.AuditEvent;
import io.conduithex.domain.audit.AuditQuery;
import io.conduithex.application.article.TagCache;
import io.conduithex.application.idempotency.IdempotencySettings;
import io.conduithex.application.idempotency.IdempotentWrites;
import io.conduithex.application.idempotency.KeyInUseException;
import io.conduithex.application.idempotency.KeyReusedException;
import io.conduithex.application.idempotency.KeyedRequest;
import io.conduithex.application.transaction.RetrySettings;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.idempotency.IdempotencyKey;
import io.conduithex.domain.idempotency.KeyRecord;
import io.conduithex.domain.port.persistence.IdempotencyRepository.Stored;
import io.conduithex.domain.port.persistence.Transaction;
import io.conduithex.domain.idempotency.KeyScope;
import io.conduithex.domain.idempotency.RequestFingerprint;
import io.conduithex.domain.idempotency.StoredResponse;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.ValidationException;
import io.conduithex.testsupport.kit.Race;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys on a real database: the repository's stores, and {@link IdempotentWrites} over the real unit of
 * work, its concurrency included. What counts is what commits: a retry or a duplicate may run the write's statements,
 * but only in a transaction that rolls back.
 */
public abstract class IdempotencyContract extends PersistenceContract {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final IdempotencySettings SETTINGS = new IdempotencySettings(Duration.ofHours(24));
    private static final KeyScope JAKES = KeyScope.of(new UserId(1));
    private static final IdempotencyKey KEY = new IdempotencyKey("order-2026-0001");

    /**
     * Whether the database lets two transactions write at once. SQLite does not: a second write waits for the
     * first to end, so it never finds a key being stored.
     */
    protected boolean concurrentWriters() {
        return true;
    }

    @Test
    void aKeyedWriteCommitsOnceAndItsRetryGetsTheStoredResponseByteForByte() {
        var first = writesAt(NOW).run(request(JAKES, "body"), registering("jake"));
        var retry = writesAt(NOW.plusSeconds(1)).run(request(JAKES, "body"), registering("jake"));

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(first.response());
        assertThat(new String(retry.response().body(), StandardCharsets.UTF_8)).isEqualTo("{\"user\":\"jake\"}");
        assertThat(executionsThatCommitted()).isEqualTo(1);
    }

    @Test
    void aRetryWhoseWriteFailsNowGetsTheStoredResponse() {
        var first = writesAt(NOW).run(request(JAKES, "body"), registering("jake"));
        Supplier<StoredResponse> failingNow = () -> {
            throw new ValidationException(FieldErrors.of("username", "has already been taken"));
        };

        var retry = writesAt(NOW.plusSeconds(1)).run(request(JAKES, "body"), failingNow);

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(first.response());
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndStoresNothing() {
        writesAt(NOW).run(request(JAKES, "body"), registering("jake"));

        assertThatThrownBy(() -> writesAt(NOW).run(request(JAKES, "another body"), registering("jane")))
                .isInstanceOf(KeyReusedException.class);
        assertThat(committed("jane")).isZero();
        assertThat(stored().flatMap(KeyRecord::response).map(r -> new String(r.body(), StandardCharsets.UTF_8)))
                .contains("{\"user\":\"jake\"}");
    }

    @Test
    void oneCallersKeyNeverReplaysAnothersResponse() {
        var jakes = writesAt(NOW).run(request(JAKES, "body"), registering("jake"));
        var janes = writesAt(NOW).run(request(KeyScope.of(new UserId(2)), "body"), registering("jane"));

        assertThat(janes.replayed()).isFalse();
        assertThat(janes.response()).isNotEqualTo(jakes.response());
        assertThat(committed("jane")).isEqualTo(1);
    }

    @Test
    void aFailedWriteStoresNeitherItsEffectsNorAResponseAndItsKeyMayBeSentAgain() {
        Supplier<StoredResponse> failing = () -> {
            registering("jake").get();
            throw new ValidationException(FieldErrors.of("title", "can't be blank"));
        };

        assertThatThrownBy(() -> writesAt(NOW).run(request(JAKES, "body"), failing))
                .isInstanceOf(ValidationException.class);
        assertThat(committed("jake")).isZero();
        assertThat(stored()).isEmpty();

        var again = writesAt(NOW).run(request(JAKES, "body"), registering("jake"));
        assertThat(again.replayed()).isFalse();
        assertThat(committed("jake")).isEqualTo(1);
    }

    @Test
    void anExpiredKeyIsForgottenAndRunsTheNextRequestAnew() {
        writesAt(NOW).run(request(JAKES, "body"), registering("jake"));

        var later = writesAt(NOW.plus(Duration.ofHours(25))).run(request(JAKES, "other body"), registering("jane"));

        assertThat(later.replayed()).isFalse();
        assertThat(committed("jane")).isEqualTo(1);
        assertThat(stored().map(KeyRecord::fingerprint)).contains(fingerprint("other body"));
    }

    @Test
    void aKeyHoldingAnAnswerIsNotStoredAgainUntilItExpires() {
        var first = answered("body", new byte[] {1}, NOW);

        assertThat(stores(tx -> tx.idempotencyKeys().store(first, NOW))).isEqualTo(Stored.STORED);
        assertThat(stores(tx -> tx.idempotencyKeys().store(answered("other", new byte[] {2}, NOW), NOW)))
                .isEqualTo(Stored.TAKEN);
        assertThat(stored()).contains(first);

        Instant expired = first.expiresAt();
        var next = answered("other", new byte[] {3}, expired);
        assertThat(stores(tx -> tx.idempotencyKeys().store(next, expired))).isEqualTo(Stored.STORED);
        assertThat(stored()).contains(next);
    }

    @Test
    void aStoreRacingAnotherForItsKeyWaitsForItAtMostASecond() throws Exception {
        var storing = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var holder = CompletableFuture.runAsync(() -> commit(tx -> {
            tx.idempotencyKeys().store(answered("body", new byte[] {1}, NOW), NOW);
            storing.countDown();
            awaitQuietly(commit);
        }));
        try {
            assertThat(storing.await(30, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            var second = CompletableFuture.supplyAsync(() -> storeThenRollBack(answered("body", new byte[] {2}, NOW)));
            if (concurrentWriters()) {
                assertThat(second.get(30, TimeUnit.SECONDS)).as("while the first has not committed")
                        .isEqualTo(Stored.BUSY);
                // A second, not the session's own lock wait (none on PostgreSQL, several seconds on MariaDB).
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
                commit.countDown();
            } else {
                // The second write waits for the first to end before it may write at all.
                TimeUnit.MILLISECONDS.sleep(300);
                assertThat(second).isNotDone();
                commit.countDown();
                assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(Stored.TAKEN);
            }
        } finally {
            commit.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
        assertThat(stores(tx -> tx.idempotencyKeys().store(answered("body", new byte[] {3}, NOW), NOW)))
                .as("once the first committed").isEqualTo(Stored.TAKEN);
        assertThat(stored().flatMap(KeyRecord::response).map(StoredResponse::body)).hasValueSatisfying(
                body -> assertThat(body).containsExactly(1));
    }

    @Test
    void aClaimAnEarlierVersionCommittedHoldsTheKeyUntilItsLeasePasses() throws Exception {
        givenAClaimOfAnEarlierVersion(NOW.plusSeconds(10));

        assertThatThrownBy(() -> writesAt(NOW).run(request(JAKES, "body"), registering("jake")))
                .isInstanceOf(KeyInUseException.class);
        assertThat(committed("jake")).isZero();

        var afterTheLease = writesAt(NOW.plusSeconds(11)).run(request(JAKES, "body"), registering("jake"));
        assertThat(afterTheLease.replayed()).isFalse();
        assertThat(committed("jake")).isEqualTo(1);
    }

    @Test
    void aClaimOfAnEarlierVersionPastItsLeaseIsFoundByNoLookUp() throws Exception {
        givenAClaimOfAnEarlierVersion(NOW.minusSeconds(1));
        Supplier<StoredResponse> failing = () -> {
            throw new ValidationException(FieldErrors.of("username", "has already been taken"));
        };

        assertThat(stored()).isEmpty();
        assertThatThrownBy(() -> writesAt(NOW).run(request(JAKES, "body"), failing))
                .as("the write's own failure, not a key in use").isInstanceOf(ValidationException.class);
    }

    @Test
    void expiredKeysAreDeletedInBatchesOfTheGivenSize() {
        commit(tx -> {
            for (int i = 0; i < 5; i++) {
                tx.idempotencyKeys().store(KeyRecord.answered(JAKES, new IdempotencyKey("old-" + i),
                        fingerprint("body"), NOW.plusSeconds(i), response(new byte[0])), NOW);
            }
            tx.idempotencyKeys().store(KeyRecord.answered(JAKES, KEY, fingerprint("body"),
                    NOW.plus(Duration.ofHours(2)), response(new byte[0])), NOW);
        });

        assertThat(deleteExpired(NOW.plus(Duration.ofHours(1)), 3)).isEqualTo(3);
        assertThat(deleteExpired(NOW.plus(Duration.ofHours(1)), 3)).isEqualTo(2);
        assertThat(deleteExpired(NOW.plus(Duration.ofHours(1)), 3)).isZero();
        assertThat(stored()).isPresent();
    }

    @Test
    void twentyIdenticalRequestsAtOnceCommitOnce() throws Exception {
        var writes = writesAt(NOW);

        List<String> outcomes = Race.run(20, i -> () -> {
            try {
                return writes.run(request(JAKES, "body"), registering("jake")).replayed() ? "replayed" : "executed";
            } catch (KeyInUseException e) {
                return "in use";
            }
        });

        assertThat(outcomes).as(outcomes.toString()).containsOnlyOnce("executed");
        assertThat(outcomes).allMatch(outcome -> List.of("executed", "replayed", "in use").contains(outcome));
        assertThat(executionsThatCommitted()).isEqualTo(1);
    }

    /** A row as an earlier version wrote it when it claimed the key before the write: running, leased, no answer. */
    private void givenAClaimOfAnEarlierVersion(Instant leasedUntil) throws SQLException {
        Timestamps timestamps = Timestamps.of(Dialect.fromUrl(database.url()));
        try (Connection connection = database.connect();
             var insert = connection.prepareStatement("""
                     INSERT INTO idempotency_keys
                            (scope, idempotency_key, fingerprint, claim_token, state, leased_until, expires_at)
                     VALUES (?, ?, ?, 'a-token', 'running', ?, ?)""")) {
            insert.setString(1, JAKES.value());
            insert.setString(2, KEY.value());
            insert.setString(3, fingerprint("body").sha256());
            insert.setObject(4, timestamps.bind(leasedUntil));
            insert.setObject(5, timestamps.bind(NOW.plus(SETTINGS.ttl())));
            insert.executeUpdate();
        }
    }

    private Stored stores(Function<Transaction, Stored> store) {
        return write(store);
    }

    private Stored storeThenRollBack(KeyRecord answered) {
        var result = new AtomicReference<Stored>();
        assertThatThrownBy(() -> commit(tx -> {
            result.set(tx.idempotencyKeys().store(answered, NOW));
            throw new RolledBack();
        })).isInstanceOf(RolledBack.class);
        return result.get();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<KeyRecord> stored() {
        return read(tx -> tx.idempotencyKeys().find(JAKES, KEY, NOW));
    }

    private int deleteExpired(Instant now, int limit) {
        return write(tx -> tx.idempotencyKeys().deleteExpired(now, limit));
    }

    private long executionsThatCommitted() {
        return committed("jake");
    }

    private IdempotentWrites writesAt(Instant now) {
        var transactions = new TransactionRunner(unitOfWork(), RetrySettings.DEFAULTS, new SimpleMeterRegistry());
        return new IdempotentWrites(transactions, SETTINGS, Clock.fixed(now, ZoneOffset.UTC), TagCache.disabled(),
                new SimpleMeterRegistry());
    }

    /**
     * The execution of a keyed write: it appends an event naming {@code name} and answers with a body naming it.
     * Nothing in the database keeps a second such event out, so a second commit would show.
     */
    private Supplier<StoredResponse> registering(String name) {
        return () -> {
            write(tx -> {
                tx.audit().append(new AuditEvent(0, NOW, Optional.of(new UserId(1)), AuditAction.USER_UPDATED, name,
                        Optional.empty(), List.of("bio")));
                return null;
            });
            return new StoredResponse(201, "application/json; charset=utf-8",
                    ("{\"user\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8));
        };
    }

    private long committed(String name) {
        return read(tx -> tx.audit().page(new AuditQuery(Optional.empty(), Optional.of(AuditAction.EntityType.USER),
                Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty(), 50)).size());
    }

    private static KeyedRequest request(KeyScope scope, String body) {
        return new KeyedRequest(scope, KEY, fingerprint(body), "contract-keyed-write");
    }

    private static RequestFingerprint fingerprint(String body) {
        return RequestFingerprint.of("POST", "/api/users", body.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyRecord answered(String body, byte[] responseBody, Instant at) {
        return KeyRecord.answered(JAKES, KEY, fingerprint(body), at.plus(SETTINGS.ttl()), response(responseBody));
    }

    private static StoredResponse response(byte[] body) {
        return new StoredResponse(201, "application/json", body);
    }

    /** Rolls a unit of work back on purpose. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
