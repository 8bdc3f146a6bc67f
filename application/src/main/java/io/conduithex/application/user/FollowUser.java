package io.conduithex.application.user;

import java.util.List;
import io.conduithex.domain.audit.AuditAction;
import io.conduithex.application.audit.AuditTrail;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.failure.NotFoundException;
import io.conduithex.domain.port.persistence.Transaction;
import io.conduithex.domain.user.Profile;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.ValidationException;
import jakarta.inject.Inject;

/** Follows and unfollows profiles. Both are idempotent: doing either twice leaves the same state. */
public record FollowUser(TransactionRunner transactions, AuditTrail audit) {
    @Inject
    public FollowUser {
    }

    public Profile follow(UserId follower, String username) {
        var name = ProfileNames.parse(username);
        return transactions.write("follow-user", tx -> {
            var target = target(tx, follower, name);
            if (target.id().equals(follower)) {
                throw new ValidationException(FieldErrors.of("username", "can't follow yourself"));
            }
            if (tx.follows().follow(follower, target.id())) {
                audit.record(tx, follower, AuditAction.USER_FOLLOWED, target.id().value(), List.of());
            }
            return target.profileAsSeenBy(true);
        });
    }

    public Profile unfollow(UserId follower, String username) {
        var name = ProfileNames.parse(username);
        return transactions.write("unfollow-user", tx -> {
            var target = target(tx, follower, name);
            if (tx.follows().unfollow(follower, target.id())) {
                audit.record(tx, follower, AuditAction.USER_UNFOLLOWED, target.id().value(), List.of());
            }
            return target.profileAsSeenBy(false);
        });
    }

    private static User target(Transaction tx, UserId follower, io.conduithex.domain.user.Username name) {
        Callers.require(tx, follower);
        return tx.users().findByUsername(name).orElseThrow(() -> new NotFoundException("profile"));
    }
}
