package io.conduithex.application.user;

import io.conduithex.application.command.FieldChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.application.fakes.InMemoryConduit;
import io.conduithex.domain.failure.AuthenticationException;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import io.conduithex.domain.validation.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateUserTest {

    private final InMemoryConduit conduit = new InMemoryConduit();
    private final UpdateUser updateUser = new UpdateUser(conduit.transactions, conduit.hasher);
    private final User jake = conduit.givenUser("jake");

    @Test
    void onlyTheBioChangesWhenOnlyTheBioIsGiven() {
        var updated = updateUser.update(jake.id(), changes().bio("I work at statefarm").build());

        assertThat(updated.bio()).isEqualTo(new Bio("I work at statefarm"));
        assertThat(updated.email()).isEqualTo(jake.email());
        assertThat(updated.username()).isEqualTo(jake.username());
        assertThat(updated.passwordHash()).isEqualTo(jake.passwordHash());
        assertThat(updated.image()).isNull();
        assertThat(stored(jake)).isEqualTo(updated);
    }

    @Test
    void anEmptyImageClearsTheImage() {
        updateUser.update(jake.id(), changes().image("https://example.com/jake.png").build());

        var updated = updateUser.update(jake.id(), changes().image("").build());

        assertThat(updated.image()).isNull();
        assertThat(stored(jake).imageIfAny()).isEmpty();
    }

    @Test
    void anImageCanBeSet() {
        var updated = updateUser.update(jake.id(), changes().image("https://example.com/jake.png").build());

        assertThat(updated.image()).isEqualTo(new ImageUrl("https://example.com/jake.png"));
    }

    @Test
    void theEmailCanBeChanged() {
        var updated = updateUser.update(jake.id(), changes().email("jake@conduit.io").build());

        assertThat(updated.email()).isEqualTo(new Email("jake@conduit.io"));
        assertThat(conduit.users().findByEmail(new Email("jake@conduit.io"))).map(User::id).contains(jake.id());
        assertThat(conduit.users().findByEmail(new Email("jake@example.com"))).isEmpty();
    }

    @Test
    void aNewPasswordIsStoredHashed() {
        var updated = updateUser.update(jake.id(), changes().password("new-password").build());

        assertThat(updated.passwordHash().value()).isEqualTo("hashed:new-password");
        assertThat(stored(jake).passwordHash().value()).isEqualTo("hashed:new-password");
    }

    @Test
    void aUsernameTakenBySomeoneElseIsReportedOnTheUsernameField() {
        conduit.givenUser("jim");

        assertThatThrownBy(() -> updateUser.update(jake.id(), changes().username("JIM").bio("mine now").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsExactly(java.util.Map.entry("username", List.of("has already been taken"))));
        assertThat(stored(jake)).isEqualTo(jake);
    }

    @Test
    void anEmailTakenBySomeoneElseIsReportedOnTheEmailField() {
        conduit.givenUser("jim");

        assertThatThrownBy(() -> updateUser.update(jake.id(), changes().email("jim@example.com").build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().asMap()).containsOnlyKeys("email"));
    }

    @Test
    void changingTheCaseOfOnesOwnUsernameIsAllowed() {
        var updated = updateUser.update(jake.id(), changes().username("Jake").build());

        assertThat(updated.username()).isEqualTo(new Username("Jake"));
    }

    @Test
    void aNullEmailIsRejectedAsBlank() {
        assertThatThrownBy(() -> UserUpdateCommand.of(FieldChange.cleared(), FieldChange.unchanged(),
                FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsExactly(java.util.Map.entry("email", List.of("can't be blank"))));
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> changes().email("nope").username("a b").password("short")
                .bio("x".repeat(Bio.MAX_LENGTH + 1)).image("ftp://example.com/x.png").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsOnlyKeys("email", "username", "password", "bio", "image"));
    }

    @Test
    void anUnknownUserIsNotAuthenticated() {
        assertThatThrownBy(() -> updateUser.update(new UserId(999), changes().bio("hello").build()))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void anEmptyUpdateReturnsTheUserUnchanged() {
        assertThat(updateUser.update(jake.id(), changes().build())).isEqualTo(jake);
    }

    @Test
    void anEmptyUpdateOfAnUnknownUserIsNotAuthenticated() {
        assertThatThrownBy(() -> updateUser.update(new UserId(999), changes().build()))
                .isInstanceOf(AuthenticationException.class);
    }

    private User stored(User user) {
        return conduit.users().findById(user.id()).orElseThrow();
    }

    private static Changes changes() {
        return new Changes();
    }

    /** Raw changes as the web adapter would pass them: a field not mentioned is left unchanged. */
    private static final class Changes {
        private FieldChange<String> email = FieldChange.unchanged();
        private FieldChange<String> username = FieldChange.unchanged();
        private FieldChange<String> password = FieldChange.unchanged();
        private FieldChange<String> bio = FieldChange.unchanged();
        private FieldChange<String> image = FieldChange.unchanged();

        Changes email(String value) {
            email = FieldChange.setTo(value);
            return this;
        }

        Changes username(String value) {
            username = FieldChange.setTo(value);
            return this;
        }

        Changes password(String value) {
            password = FieldChange.setTo(value);
            return this;
        }

        Changes bio(String value) {
            bio = FieldChange.setTo(value);
            return this;
        }

        Changes image(String value) {
            image = FieldChange.setTo(value);
            return this;
        }

        UserUpdateCommand build() {
            return UserUpdateCommand.of(email, username, password, bio, image);
        }
    }
}
