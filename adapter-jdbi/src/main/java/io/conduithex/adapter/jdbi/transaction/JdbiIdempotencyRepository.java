package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.sql.Timestamps;
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
 * Idempotency keys in {@code idempotency_keys}; every change after the claim names the claim's token.
 *
 * <p>A claim that is a transaction of its own ({@code ownTransaction}: single-statement work) is not flushed to
 * disk by its own commit on PostgreSQL: the write that follows it commits later, durably, and a flush covers every
 * commit before it, so a crash can lose the claim only with the write, and a lost claim is a key not yet used, which
 * the client's retry claims again. That halves what the claim costs (a commit that waits for the disk).
 *
 * <p>On PostgreSQL the statement that stores the answer also brings back the transaction's id, which the unit of
 * work would otherwise ask for in a statement of its own before COMMIT ({@link PostgresCommitVerifier}).
 */
record JdbiIdempotencyRepository(GuardedHandle handle, Timestamps timestamps, Dialect dialect, boolean ownTransaction,
                                 TransactionIdNote transactionId) implements IdempotencyRepository {
    private static final String CLAIM = """
            INSERT INTO idempotency_keys
                   (scope, idempotency_key, fingerprint, claim_token, state, leased_until, expires_at)
            VALUES (:scope, :key, :fingerprint, :token, 'running', :leasedUntil, :expiresAt)""";
    /** See {@link InsertIfAbsent}. */
    private static final String MARIADB_CLAIM = """
            INSERT INTO idempotency_keys
                   (scope, idempotency_key, fingerprint, claim_token, state, leased_until, expires_at)
            SELECT :scope, :key, :fingerprint, :token, 'running', :leasedUntil, :expiresAt FROM DUAL
             WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :key)""";
    /**
     * The claim of its own transaction on PostgreSQL: RETURNING runs before the statement's implicit COMMIT, so the
     * setting (local to that transaction) tells the COMMIT not to wait for the disk. Returns a row when it inserted.
     */
    private static final String UNFLUSHED_CLAIM = CLAIM
            + " ON CONFLICT DO NOTHING RETURNING set_config('synchronous_commit', 'off', true)";
    private static final String COMPLETE = """
            UPDATE idempotency_keys
               SET state = 'done', response_status = :status, response_type = :type, response_body = :body
             WHERE scope = :scope AND idempotency_key = :key AND claim_token = :token AND state = 'running'""";
    private static final String RUNNING = "running";
    private static final String DONE = "done";

    @Override
    public Optional<KeyRecord> find(KeyScope scope, IdempotencyKey key) {
        return handle.with(h -> h.createQuery("""
                        SELECT scope, idempotency_key, fingerprint, claim_token, state, leased_until, expires_at,
                               response_status, response_type, response_body
                          FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :key""")
                .bind("scope", scope.value())
                .bind("key", key.value())
                .map((rs, ctx) -> fromRow(rs))
                .findOne());
    }

    @Override
    public boolean claim(KeyRecord claim) {
        if (ownTransaction && dialect == Dialect.POSTGRESQL) {
            return handle.with(h -> bindClaim(h.createQuery(UNFLUSHED_CLAIM), claim).mapTo(String.class).findOne())
                    .isPresent();
        }
        return InsertIfAbsent.run(dialect, () -> insert(CLAIM + " ON CONFLICT DO NOTHING", claim),
                () -> insert(MARIADB_CLAIM, claim));
    }

    private boolean insert(String sql, KeyRecord claim) {
        return handle.with(h -> bindClaim(h.createUpdate(sql), claim).execute()) == 1;
    }

    /** The columns a claim sets, new or taking a key over. */
    private <S extends SqlStatement<S>> S bindClaim(S statement, KeyRecord claim) {
        return statement.bind("scope", claim.scope().value())
                .bind("key", claim.key().value())
                .bind("fingerprint", claim.fingerprint().sha256())
                .bind("token", claim.claimToken())
                .bind("leasedUntil", timestamps.bind(claim.leasedUntil()))
                .bind("expiresAt", timestamps.bind(claim.expiresAt()));
    }

    @Override
    public boolean takeOver(KeyRecord previous, KeyRecord claim) {
        return handle.with(h -> bindClaim(h.createUpdate("""
                        UPDATE idempotency_keys
                           SET fingerprint = :fingerprint, claim_token = :token, state = 'running',
                               leased_until = :leasedUntil, expires_at = :expiresAt,
                               response_status = NULL, response_type = NULL, response_body = NULL
                         WHERE scope = :scope AND idempotency_key = :key AND claim_token = :previousToken
                           AND state = :previousState"""), claim)
                .bind("previousToken", previous.claimToken())
                // A running claim that completed meanwhile is done now, and no longer to be taken over.
                .bind("previousState", previous.isDone() ? DONE : RUNNING)
                .execute()) == 1;
    }

    @Override
    public boolean complete(KeyScope scope, IdempotencyKey key, String claimToken, StoredResponse response) {
        if (dialect == Dialect.POSTGRESQL) {
            Optional<String> xid = handle.with(h -> bindCompletion(h.createQuery(COMPLETE
                            + " RETURNING pg_current_xact_id_if_assigned()::text"), scope, key, claimToken, response)
                    .mapTo(String.class)
                    .findOne());
            xid.ifPresent(transactionId::note);
            return xid.isPresent();
        }
        return handle.with(h -> bindCompletion(h.createUpdate(COMPLETE), scope, key, claimToken, response)
                .execute()) == 1;
    }

    private static <S extends SqlStatement<S>> S bindCompletion(S statement, KeyScope scope, IdempotencyKey key,
                                                                 String claimToken, StoredResponse response) {
        return statement.bind("status", response.status())
                .bind("type", response.contentType())
                .bind("body", response.body())
                .bind("scope", scope.value())
                .bind("key", key.value())
                .bind("token", claimToken);
    }

    @Override
    public boolean release(KeyScope scope, IdempotencyKey key, String claimToken) {
        return handle.with(h -> h.createUpdate("""
                        DELETE FROM idempotency_keys
                         WHERE scope = :scope AND idempotency_key = :key AND claim_token = :token
                           AND state = 'running'""")
                .bind("scope", scope.value())
                .bind("key", key.value())
                .bind("token", claimToken)
                .execute()) == 1;
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

    private KeyRecord fromRow(ResultSet rs) throws SQLException {
        Optional<StoredResponse> response = DONE.equals(rs.getString("state"))
                ? Optional.of(new StoredResponse(rs.getInt("response_status"), rs.getString("response_type"),
                        rs.getBytes("response_body")))
                : Optional.empty();
        return new KeyRecord(new KeyScope(rs.getString("scope")), new IdempotencyKey(rs.getString("idempotency_key")),
                new RequestFingerprint(rs.getString("fingerprint")), rs.getString("claim_token"),
                timestamps.read(rs, "leased_until"), timestamps.read(rs, "expires_at"), response);
    }
}
