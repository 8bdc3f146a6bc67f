package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.failure.TransientPersistenceException.Cause;
import io.conduithex.domain.idempotency.IdempotencyKey;
import io.conduithex.domain.idempotency.KeyRecord;
import io.conduithex.domain.idempotency.KeyScope;
import io.conduithex.domain.idempotency.RequestFingerprint;
import io.conduithex.domain.idempotency.StoredResponse;
import io.conduithex.domain.port.persistence.IdempotencyRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Idempotency keys in {@code idempotency_keys}, each row written once, state {@code done}, with its answer.
 *
 * <p>The columns {@code claim_token}, {@code state} and {@code leased_until} are from earlier versions, which
 * committed a claim ({@code running}) before the write (the comment of migration V7 describes that design): a claim
 * whose lease passed is as good as absent, found by no look-up and replaced like an expired key; one whose lease
 * holds is {@link Stored#TAKEN}. A new row's token is empty and its lease ended when it was written.
 *
 * <p>A store waits for a concurrent store of its key for a second at most ({@value #WAIT_SECONDS}), set on the
 * statement itself so that no round trip is spent on it: on PostgreSQL {@code lock_timeout}, set for the
 * transaction before the insert and set back to what it was in its {@code RETURNING} (the COMMIT after it may wait
 * for a lock too: the queue of {@code NOTIFY}, held by each committing transaction while it flushes); on MariaDB
 * {@code innodb_lock_wait_timeout}, for the statement. SQLite has one writer at a time, so a store there never finds
 * another in progress. On PostgreSQL the store also brings back the transaction's id, which the unit of work would
 * otherwise ask for in a statement of its own before COMMIT ({@link PostgresCommitVerifier}).
 */
record JdbiIdempotencyRepository(GuardedHandle handle, Timestamps timestamps, Dialect dialect,
                                 TransactionIdNote transactionId) implements IdempotencyRepository {
    static final int WAIT_SECONDS = 1;
    private static final String COLUMNS = """
            (scope, idempotency_key, fingerprint, claim_token, state, leased_until, expires_at,
             response_status, response_type, response_body)""";
    private static final String VALUES =
            ":scope, :key, :fingerprint, '', 'done', :now, :expiresAt, :status, :type, :body";
    /** Which stored key a new answer replaces: one expired, or a claim of an earlier version past its lease. */
    private static final String REPLACEABLE =
            "k.expires_at <= :now OR (k.state = 'running' AND k.leased_until <= :now)";
    private static final String MARIADB_BOUNDED_WAIT =
            "SET STATEMENT innodb_lock_wait_timeout = " + WAIT_SECONDS + " FOR ";
    private static final String REPLACE = """
            SET fingerprint = :fingerprint, claim_token = '', state = 'done', leased_until = :now,
                expires_at = :expiresAt, response_status = :status, response_type = :type, response_body = :body""";
    private static final String POSTGRES_STORE = "INSERT INTO idempotency_keys AS k " + COLUMNS
            + "\nSELECT " + VALUES
            + "\n  FROM (SELECT set_config('lock_timeout', '" + WAIT_SECONDS + "s', true)"
            + "\n          FROM (SELECT set_config('conduit.lock_timeout_before', current_setting('lock_timeout'),"
            + "\n                                  true)) AS saved) AS bounded_wait"
            + "\nON CONFLICT (scope, idempotency_key) DO UPDATE " + REPLACE
            + "\n WHERE " + REPLACEABLE
            + "\nRETURNING pg_current_xact_id_if_assigned()::text,"
            + "\n          set_config('lock_timeout', current_setting('conduit.lock_timeout_before'), true)";
    private static final String SQLITE_STORE = "INSERT INTO idempotency_keys AS k " + COLUMNS
            + "\nVALUES (" + VALUES + ")"
            + "\nON CONFLICT (scope, idempotency_key) DO UPDATE " + REPLACE
            + "\n WHERE " + REPLACEABLE;
    /** See {@link InsertIfAbsent}; a key found is then replaced if it may be. */
    private static final String MARIADB_INSERT = MARIADB_BOUNDED_WAIT + "INSERT INTO idempotency_keys " + COLUMNS
            + "\nSELECT " + VALUES + " FROM DUAL"
            + "\n WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :key)";
    private static final String MARIADB_REPLACE = MARIADB_BOUNDED_WAIT + "UPDATE idempotency_keys k " + REPLACE
            + "\n WHERE k.scope = :scope AND k.idempotency_key = :key AND (" + REPLACEABLE + ")";
    private static final String DONE = "done";

    @Override
    public Optional<KeyRecord> find(KeyScope scope, IdempotencyKey key, Instant now) {
        return handle.with(h -> h.createQuery("""
                        SELECT fingerprint, state, expires_at, response_status, response_type, response_body
                          FROM idempotency_keys k
                         WHERE scope = :scope AND idempotency_key = :key AND NOT (""" + REPLACEABLE + ")")
                .bind("scope", scope.value())
                .bind("key", key.value())
                .bind("now", timestamps.bind(now))
                .map((rs, ctx) -> fromRow(scope, key, rs))
                .findOne());
    }

    @Override
    public Stored store(KeyRecord answered, Instant now) {
        StoredResponse response = answered.response()
                .orElseThrow(() -> new IllegalArgumentException("a key is stored with its answer"));
        try {
            return switch (dialect) {
                case POSTGRESQL -> storeOnPostgres(answered, response, now);
                case MARIADB -> storeOnMariaDb(answered, response, now);
                case SQLITE -> handle.with(h -> bind(h.createUpdate(SQLITE_STORE), answered, response, now)
                        .execute()) == 1 ? Stored.STORED : Stored.TAKEN;
            };
        } catch (TransientPersistenceException failure) {
            // The wait for another transaction's store of the key ran out: that request is still committing.
            if (failure.reason() == Cause.BUSY) {
                return Stored.BUSY;
            }
            throw failure;
        }
    }

    private Stored storeOnPostgres(KeyRecord answered, StoredResponse response, Instant now) {
        Optional<String> xid = handle.with(h -> bind(h.createQuery(POSTGRES_STORE), answered, response, now)
                .map((rs, ctx) -> rs.getString(1))
                .findOne());
        xid.ifPresent(transactionId::note);
        return xid.isPresent() ? Stored.STORED : Stored.TAKEN;
    }

    private Stored storeOnMariaDb(KeyRecord answered, StoredResponse response, Instant now) {
        boolean inserted = InsertIfAbsent.onMariaDb(
                () -> handle.with(h -> bind(h.createUpdate(MARIADB_INSERT), answered, response, now).execute()) == 1);
        if (inserted) {
            return Stored.STORED;
        }
        return handle.with(h -> bind(h.createUpdate(MARIADB_REPLACE), answered, response, now).execute()) == 1
                ? Stored.STORED : Stored.TAKEN;
    }

    private <S extends SqlStatement<S>> S bind(S statement, KeyRecord answered, StoredResponse response,
                                               Instant now) {
        return statement.bind("scope", answered.scope().value())
                .bind("key", answered.key().value())
                .bind("fingerprint", answered.fingerprint().sha256())
                .bind("now", timestamps.bind(now))
                .bind("expiresAt", timestamps.bind(answered.expiresAt()))
                .bind("status", response.status())
                .bind("type", response.contentType())
                .bind("body", response.body());
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        // MariaDB takes no LIMIT in an IN subquery, but limits a DELETE itself; the others the other way round.
        String sql = dialect == Dialect.MARIADB
                ? "DELETE FROM idempotency_keys WHERE expires_at < :now ORDER BY expires_at LIMIT :limit"
                : """
                  DELETE FROM idempotency_keys WHERE (scope, idempotency_key) IN (
                      SELECT scope, idempotency_key FROM idempotency_keys
                       WHERE expires_at < :now ORDER BY expires_at LIMIT :limit)""";
        return handle.with(h -> h.createUpdate(sql)
                .bind("now", timestamps.bind(now))
                .bind("limit", limit)
                .execute());
    }

    private KeyRecord fromRow(KeyScope scope, IdempotencyKey key, ResultSet rs) throws SQLException {
        Optional<StoredResponse> response = DONE.equals(rs.getString("state"))
                ? Optional.of(new StoredResponse(rs.getInt("response_status"), rs.getString("response_type"),
                        rs.getBytes("response_body")))
                : Optional.empty();
        return new KeyRecord(scope, key, new RequestFingerprint(rs.getString("fingerprint")),
                timestamps.read(rs, "expires_at"), response);
    }
}
