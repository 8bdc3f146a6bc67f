package io.conduithex.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.application.fakes.InMemoryConduit;
import io.conduithex.domain.failure.AuthenticationException;
import io.conduithex.domain.failure.NotFoundException;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GetProfileTest {

    private final InMemoryConduit conduit = new InMemoryConduit();
    private final GetProfile getProfile = new GetProfile(conduit.transactions);
    private final User jake = conduit.givenUser("jake");
    private final User jim = conduit.givenUser("jim");

    @Test
    void a_viewer_who_follows_the_user_sees_following() {
        conduit.follows().follow(jim.id(), jake.id());

        var profile = getProfile.get(Optional.of(jim.id()), "jake");

        assertThat(profile.username()).isEqualTo(jake.username());
        assertThat(profile.following()).isTrue();
    }

    @Test
    void a_viewer_who_does_not_follow_the_user_sees_not_following() {
        conduit.follows().follow(jake.id(), jim.id());

        assertThat(getProfile.get(Optional.of(jim.id()), "jake").following()).isFalse();
    }

    @Test
    void an_anonymous_viewer_never_sees_following() {
        conduit.follows().follow(jim.id(), jake.id());

        assertThat(getProfile.get(Optional.empty(), "jake").following()).isFalse();
    }

    @Test
    void a_viewer_who_no_longer_exists_is_refused_rather_than_served_as_a_stranger() {
        assertThatThrownBy(() -> getProfile.get(Optional.of(new UserId(jim.id().value() + 1000)), "jake"))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void the_username_is_matched_ignoring_case() {
        assertThat(getProfile.get(Optional.empty(), "JAKE").username()).isEqualTo(jake.username());
    }

    @Test
    void an_unknown_username_is_not_found() {
        assertThatThrownBy(() -> getProfile.get(Optional.empty(), "nobody"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("profile"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"jake smith", "../admin", "jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj"})
    void a_username_that_could_never_be_registered_is_not_found(String invalid) {
        assertThatThrownBy(() -> getProfile.get(Optional.empty(), invalid)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_profile_is_read_in_a_read_only_transaction() {
        getProfile.get(Optional.of(jim.id()), "jake");

        assertThat(conduit.unitOfWork.begun()).allSatisfy(spec -> assertThat(spec.isReadOnly()).isTrue());
    }
}
