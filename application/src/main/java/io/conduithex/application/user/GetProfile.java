package io.conduithex.application.user;

import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.failure.NotFoundException;
import io.conduithex.domain.user.Profile;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.Optional;

/** A user's public profile, with {@code following} as seen by the viewer (false when anonymous). */
public record GetProfile(TransactionRunner transactions) {
    @Inject
    public GetProfile {
    }

    public Profile get(Optional<UserId> viewer, String username) {
        var name = ProfileNames.parse(username);
        return transactions.read("get-profile", tx -> {
            Callers.requireViewer(tx, viewer);
            var target = tx.users().findByUsername(name).orElseThrow(() -> new NotFoundException("profile"));
            boolean following = viewer.map(v -> tx.follows().isFollowing(v, target.id())).orElse(false);
            return target.profileAsSeenBy(following);
        });
    }
}
