package io.conduithex.application.user;

import static org.assertj.core.api.Assertions.tuple;
import java.util.Optional;
import io.conduithex.domain.audit.AuditEvent;
import io.conduithex.domain.audit.AuditAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.application.fakes.InMemoryConduit;
import io.conduithex.domain.failure.AuthenticationException;
import io.conduithex.domain.failure.NotFoundException;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.validation.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUserTest {

    private final InMemoryConduit conduit = new InMemoryConduit();
    private final FollowUser followUser = new FollowUser(conduit.transactions, conduit.audit);
    private final User jake = conduit.givenUser("jake");
    private final User jim = conduit.givenUser("jim");

    @Test
    void followingReturnsTheProfileAsFollowed() {
        var profile = followUser.follow(jim.id(), "jake");

        assertThat(profile.username()).isEqualTo(jake.username());
        assertThat(profile.following()).isTrue();
        assertThat(conduit.follows().isFollowing(jim.id(), jake.id())).isTrue();
        assertThat(conduit.follows().isFollowing(jake.id(), jim.id())).isFalse();
    }

    @Test
    void followingTwiceIsTheSameAsFollowingOnce() {
        followUser.follow(jim.id(), "jake");

        var again = followUser.follow(jim.id(), "Jake");

        assertThat(again.following()).isTrue();
        assertThat(conduit.transaction.follows().count()).isEqualTo(1);
    }

    @Test
    void aFollowAndAnUnfollowEachLeaveOneAuditEventAndTheirRepeatsNone() {
        followUser.follow(jim.id(), "jake");
        followUser.follow(jim.id(), "jake");
        followUser.unfollow(jim.id(), "jake");
        followUser.unfollow(jim.id(), "jake");

        assertThat(conduit.auditEvents()).extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::entityId)
                .containsExactly(tuple(AuditAction.USER_FOLLOWED, Optional.of(jim.id()), jake.id().value() + ""),
                        tuple(AuditAction.USER_UNFOLLOWED, Optional.of(jim.id()), jake.id().value() + ""));
    }

    @Test
    void unfollowingReturnsTheProfileAsNotFollowed() {
        followUser.follow(jim.id(), "jake");

        var profile = followUser.unfollow(jim.id(), "jake");

        assertThat(profile.following()).isFalse();
        assertThat(conduit.follows().isFollowing(jim.id(), jake.id())).isFalse();
    }

    @Test
    void unfollowingSomeoneNotFollowedChangesNothing() {
        var profile = followUser.unfollow(jim.id(), "jake");

        assertThat(profile.following()).isFalse();
        assertThat(conduit.transaction.follows().count()).isZero();
    }

    @Test
    void followingYourselfIsRejectedAndStoresNothing() {
        assertThatThrownBy(() -> followUser.follow(jake.id(), "jake"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsExactly(java.util.Map.entry("username", List.of("can't follow yourself"))));
        assertThat(conduit.transaction.follows().count()).isZero();
    }

    @Test
    void followingAnUnknownUserIsNotFound() {
        assertThatThrownBy(() -> followUser.follow(jim.id(), "nobody")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> followUser.unfollow(jim.id(), "nobody")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void followingAnInvalidUsernameIsNotFound() {
        assertThatThrownBy(() -> followUser.follow(jim.id(), "not a name")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFollowerWhoNoLongerExistsIsNotAuthenticated() {
        assertThatThrownBy(() -> followUser.follow(new UserId(999), "jake"))
                .isInstanceOf(AuthenticationException.class);
        assertThat(conduit.transaction.follows().count()).isZero();
    }
}
