package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.conduithex.domain.idempotency.KeyScope;
import io.conduithex.domain.idempotency.RequestFingerprint;
import io.conduithex.domain.idempotency.StoredResponse;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.ValidationException;
import io.conduithex.testsupport.kit.Race;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys on a real database: the repository's claims, completions and releases, and
 * {@link IdempotentWrites} over the real unit of work, its concurrency included.
 */
public abstract class IdempotencyContract extends PersistenceContract {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final IdempotencySettings SETTINGS = new IdempotencySettings(Duration.ofHours(24),
            Duration.ofSeconds(10));
    private static final KeyScope JAKES = KeyScope.of(new UserId(1));
    private static final IdempotencyKey KEY = new IdempotencyKey("order-2026-0001");

    private final AtomicInteger executions = new AtomicInteger();

    @Test
    void aKeyedWriteRunsOnceAndItsRetryGetsTheStoredResponseByteForByte() {
        var first = writesAt(NOW).run(request(JAKES, "body"), registering("jake"));
        var retry = writesAt(NOW.plusSeconds(1)).run(request(JAKES, "body"), registering("jake"));

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(first.response());
        assertThat(new String(retry.response().body(), StandardCharsets.UTF_8)).isEqualTo("{\"user\":\"jake\"}");
        assertThat(executions).hasValue(1);
        assertThat(exists("jake")).isTrue();
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndRunsNothing() {
        writesAt(NOW).run(request(JAKES, "body"), registering("jake"));

        assertThatThrownBy(() -> writesAt(NOW).run(request(JAKES, "another body"), registering("jane")))
                .isInstanceOf(KeyReusedException.class);
        assertThat(exists("jane")).isFalse();
        assertThat(executions).hasValue(1);
    }

    @Test
    void oneCallersKeyNeverReplaysAnothersResponse() {
        var jakes = writesAt(NOW).run(request(JAKES, "body"), registering("jake"));
        var janes = writesAt(NOW).run(request(KeyScope.of(new UserId(2)), "body"), registering("jane"));

        assertThat(janes.replayed()).isFalse();
        assertThat(janes.response()).isNotEqualTo(jakes.response());
        assertThat(executions).hasValue(2);
    }

    @Test
    void aFailedWriteStoresNeitherItsEffectsNorAResponseAndItsKeyMayBeSentAgain() {
        Supplier<StoredResponse> failing = () -> {
            registering("jake").get();
            throw new ValidationException(FieldErrors.of("title", "can't be blank"));
        };

        assertThatThrownBy(() -> writesAt(NOW).run(request(JAKES, "body"), failing))
                .isInstanceOf(ValidationException.class);
        assertThat(exists("jake")).isFalse();
        assertThat(stored()).isEmpty();

        var again = writesAt(NOW).run(request(JAKES, "body"), registering("jake"));
        assertThat(again.replayed()).isFalse();
        assertThat(exists("jake")).isTrue();
    }

    @Test
    void aKeyWhoseRequestStillRunsIsInUseUntilItsLeasePasses() {
        commit(tx -> tx.idempotencyKeys().claim(claim("someone-elses-token", NOW)));

        assertThatThrownBy(() -> writesAt(NOW.plusSeconds(9)).run(request(JAKES, "body"), registering("jake")))
                .isInstanceOf(KeyInUseException.class);
        assertThat(executions).hasValue(0);

        var takenOver = writesAt(NOW.plusSeconds(11)).run(request(JAKES, "body"), registering("jake"));
        assertThat(takenOver.replayed()).isFalse();
        assertThat(exists("jake")).isTrue();
    }

    @Test
    void anExpiredKeyIsForgottenAndRunsTheNextRequestAnew() {
        writesAt(NOW).run(request(JAKES, "body"), registering("jake"));

        var later = writesAt(NOW.plus(Duration.ofHours(25))).run(request(JAKES, "other body"), registering("jane"));

        assertThat(later.replayed()).isFalse();
        assertThat(exists("jane")).isTrue();
    }

    @Test
    void onlyTheClaimsOwnTokenCompletesOrReleasesTheKey() {
        commit(tx -> tx.idempotencyKeys().claim(claim("mine", NOW)));
        var response = new StoredResponse(201, "application/json", new byte[] {1, 2, 3});

        assertThat(writeFlag(tx -> tx.idempotencyKeys().claim(claim("another", NOW))))
                .as("a second claim of a key").isFalse();
        assertThat(writeFlag(tx -> tx.idempotencyKeys().complete(JAKES, KEY, "not-mine", response))).isFalse();
        assertThat(writeFlag(tx -> tx.idempotencyKeys().release(JAKES, KEY, "not-mine"))).isFalse();
        assertThat(writeFlag(tx -> tx.idempotencyKeys().complete(JAKES, KEY, "mine", response))).isTrue();
        assertThat(writeFlag(tx -> tx.idempotencyKeys().release(JAKES, KEY, "mine")))
                .as("a done key is never released").isFalse();
        assertThat(stored().flatMap(KeyRecord::response)).contains(response);
    }

    @Test
    void aTakeOverFailsWhenTheClaimItReadCompletedMeanwhile() {
        commit(tx -> tx.idempotencyKeys().claim(claim("first", NOW)));
        KeyRecord running = read(tx -> tx.idempotencyKeys().find(JAKES, KEY)).orElseThrow();
        commit(tx -> tx.idempotencyKeys().complete(JAKES, KEY, "first",
                new StoredResponse(200, "application/json", new byte[0])));

        assertThat(writeFlag(tx -> tx.idempotencyKeys().takeOver(running, claim("second", NOW.plusSeconds(60)))))
                .isFalse();
    }

    @Test
    void expiredKeysAreDeletedInBatchesOfTheGivenSize() {
        commit(tx -> {
            for (int i = 0; i < 5; i++) {
                tx.idempotencyKeys().claim(new KeyRecord(JAKES, new IdempotencyKey("old-" + i),
                        fingerprint("body"), "t" + i, NOW, NOW.plusSeconds(i), Optional.empty()));
            }
            tx.idempotencyKeys().claim(claim("fresh", NOW.plus(Duration.ofHours(1))));
        });

        assertThat(deleteExpired(NOW.plus(Duration.ofHours(1)), 3)).isEqualTo(3);
        assertThat(deleteExpired(NOW.plus(Duration.ofHours(1)), 3)).isEqualTo(2);
        assertThat(deleteExpired(NOW.plus(Duration.ofHours(1)), 3)).isZero();
        assertThat(stored()).isPresent();
    }

    @Test
    void twentyIdenticalRequestsAtOnceRunOnce() throws Exception {
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

    private Optional<KeyRecord> stored() {
        return read(tx -> tx.idempotencyKeys().find(JAKES, KEY));
    }

    private int deleteExpired(Instant now, int limit) {
        return write(tx -> tx.idempotencyKeys().deleteExpired(now, limit));
    }

    private long executionsThatCommitted() {
        return read(tx -> tx.users().findByUsername(new Username("jake")).stream().count());
    }

    private IdempotentWrites writesAt(Instant now) {
        var transactions = new TransactionRunner(unitOfWork(), RetrySettings.DEFAULTS, new SimpleMeterRegistry());
        return new IdempotentWrites(transactions, SETTINGS, Clock.fixed(now, ZoneOffset.UTC), TagCache.disabled(),
                new SimpleMeterRegistry());
    }

    /** The execution of a keyed registration: it stores {@code name} and answers with a body naming it. */
    private Supplier<StoredResponse> registering(String name) {
        return () -> {
            executions.incrementAndGet();
            write(tx -> tx.users().insert(newUser(name)));
            return new StoredResponse(201, "application/json; charset=utf-8",
                    ("{\"user\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8));
        };
    }

    private static KeyedRequest request(KeyScope scope, String body) {
        return new KeyedRequest(scope, KEY, fingerprint(body), "contract-keyed-write");
    }

    private static RequestFingerprint fingerprint(String body) {
        return RequestFingerprint.of("POST", "/api/users", body.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyRecord claim(String token, Instant at) {
        return new KeyRecord(JAKES, KEY, fingerprint("body"), token, at.plus(SETTINGS.lease()),
                at.plus(SETTINGS.ttl()), Optional.empty());
    }
}
