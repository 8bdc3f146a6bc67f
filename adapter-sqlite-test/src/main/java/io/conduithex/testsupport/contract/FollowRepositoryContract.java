package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.port.persistence.FollowRepository;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link FollowRepository} adapter must do. */
public abstract class FollowRepositoryContract extends PersistenceContract {

    @Test
    void followingIsRecordedInOneDirectionOnly() {
        User jake = registered("jake");
        User jane = registered("jane");

        commit(tx -> tx.follows().follow(jake.id(), jane.id()));

        assertThat(readFlag(tx -> tx.follows().isFollowing(jake.id(), jane.id()))).isTrue();
        assertThat(readFlag(tx -> tx.follows().isFollowing(jane.id(), jake.id()))).isFalse();
    }

    @Test
    void followingTwiceIsTheSameAsFollowingOnce() {
        User jake = registered("jake");
        User jane = registered("jane");

        var changed = write(tx -> List.of(tx.follows().follow(jake.id(), jane.id()),
                tx.follows().follow(jake.id(), jane.id())));
        boolean again = write(tx -> tx.follows().follow(jake.id(), jane.id()));

        assertThat(changed).as("the first follow, then the same in its transaction").containsExactly(true, false);
        assertThat(again).as("the same follow in a later transaction").isFalse();
        assertThat(readFlag(tx -> tx.follows().isFollowing(jake.id(), jane.id()))).isTrue();
    }

    @Test
    void unfollowingIsIdempotent() {
        User jake = registered("jake");
        User jane = registered("jane");
        commit(tx -> tx.follows().follow(jake.id(), jane.id()));

        var changed = write(tx -> List.of(tx.follows().unfollow(jake.id(), jane.id()),
                tx.follows().unfollow(jake.id(), jane.id())));

        assertThat(changed).as("the unfollow, then the same again").containsExactly(true, false);
        assertThat(readFlag(tx -> tx.follows().isFollowing(jake.id(), jane.id()))).isFalse();
    }

    @Test
    void followedAmongAnswersForAWholeBatch() {
        User jake = registered("jake");
        User jane = registered("jane");
        User john = registered("john");
        User jill = registered("jill");
        commit(tx -> {
            tx.follows().follow(jake.id(), jane.id());
            tx.follows().follow(jake.id(), jill.id());
            tx.follows().follow(john.id(), jane.id());
        });

        var followed = readIds(tx -> tx.follows().followedAmong(jake.id(), List.of(jane.id(), john.id(), jill.id())));

        assertThat(followed).containsExactlyInAnyOrder(jane.id(), jill.id());
        assertThat(readIds(tx -> tx.follows().followedAmong(jake.id(), List.of()))).isEmpty();
    }

    @Test
    void followingAUserThatDoesNotExistIsAForeignKeyViolation() {
        User jake = registered("jake");

        assertForeignKeyViolation(() -> commit(tx -> tx.follows().follow(jake.id(), new UserId(4242))));
    }

    @Test
    void followingOneselfIsACheckViolation() {
        User jake = registered("jake");

        assertThatThrownBy(() -> commit(tx -> tx.follows().follow(jake.id(), jake.id())))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.CHECK);
                    assertThat(e.table()).contains("follows");
                });
    }
}
