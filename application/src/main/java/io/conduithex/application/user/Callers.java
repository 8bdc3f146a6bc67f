package io.conduithex.application.user;

import io.conduithex.domain.failure.AuthenticationException;
import io.conduithex.domain.port.persistence.Transaction;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import java.util.Optional;

/**
 * The caller a valid token names, checked inside the use case's unit of work: a token outlives its user, and a
 * token for a user that no longer exists is refused everywhere ({@link AuthenticationException}).
 */
public final class Callers {
    private Callers() {
    }

    /** The user a token names; fails when that user no longer exists. */
    public static User require(Transaction tx, UserId caller) {
        return tx.users().findById(caller).orElseThrow(Callers::gone);
    }

    /**
     * Where a token is optional, one that names no user is still refused, as everywhere else: the caller meant
     * to be someone, and is not answered as a stranger.
     */
    public static void requireViewer(Transaction tx, Optional<UserId> viewer) {
        viewer.ifPresent(id -> require(tx, id));
    }

    /** The failure for a caller whose user no longer exists. */
    public static AuthenticationException gone() {
        return new AuthenticationException("user no longer exists");
    }
}
