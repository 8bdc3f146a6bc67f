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
    void aViewerWhoFollowsTheUserSeesFollowing() {
        conduit.follows().follow(jim.id(), jake.id());

        var profile = getProfile.get(Optional.of(jim.id()), "jake");

        assertThat(profile.username()).isEqualTo(jake.username());
        assertThat(profile.following()).isTrue();
    }

    @Test
    void aViewerWhoDoesNotFollowTheUserSeesNotFollowing() {
        conduit.follows().follow(jake.id(), jim.id());

        assertThat(getProfile.get(Optional.of(jim.id()), "jake").following()).isFalse();
    }

    @Test
    void anAnonymousViewerNeverSeesFollowing() {
        conduit.follows().follow(jim.id(), jake.id());

        assertThat(getProfile.get(Optional.empty(), "jake").following()).isFalse();
    }

    @Test
    void aViewerWhoNoLongerExistsIsRefusedRatherThanServedAsAStranger() {
        assertThatThrownBy(() -> getProfile.get(Optional.of(new UserId(jim.id().value() + 1000)), "jake"))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void theUsernameIsMatchedIgnoringCase() {
        assertThat(getProfile.get(Optional.empty(), "JAKE").username()).isEqualTo(jake.username());
    }

    @Test
    void anUnknownUsernameIsNotFound() {
        assertThatThrownBy(() -> getProfile.get(Optional.empty(), "nobody"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("profile"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"jake smith", "../admin", "jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj"})
    void aUsernameThatCouldNeverBeRegisteredIsNotFound(String invalid) {
        assertThatThrownBy(() -> getProfile.get(Optional.empty(), invalid)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aProfileIsReadInAReadOnlyTransaction() {
        getProfile.get(Optional.of(jim.id()), "jake");

        assertThat(conduit.unitOfWork.begun()).allSatisfy(spec -> assertThat(spec.isReadOnly()).isTrue());
    }
}
