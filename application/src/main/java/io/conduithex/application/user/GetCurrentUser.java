package io.conduithex.application.user;

import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;

/** The user a valid token names; a token for a user that no longer exists is not accepted. */
public record GetCurrentUser(TransactionRunner transactions) {
    @Inject
    public GetCurrentUser {
    }

    public User get(UserId id) {
        return transactions.read("get-current-user", tx -> tx.users().findById(id))
                .orElseThrow(Callers::gone);
    }
}
