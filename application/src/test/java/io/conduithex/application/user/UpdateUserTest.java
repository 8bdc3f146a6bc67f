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
    void only_the_bio_changes_when_only_the_bio_is_given() {
        var updated = updateUser.update(jake.id(), changes().bio("I work at statefarm").build());

        assertThat(updated.bio()).isEqualTo(new Bio("I work at statefarm"));
        assertThat(updated.email()).isEqualTo(jake.email());
        assertThat(updated.username()).isEqualTo(jake.username());
        assertThat(updated.passwordHash()).isEqualTo(jake.passwordHash());
        assertThat(updated.image()).isNull();
        assertThat(stored(jake)).isEqualTo(updated);
    }

    @Test
    void an_empty_image_clears_the_image() {
        updateUser.update(jake.id(), changes().image("https://example.com/jake.png").build());

        var updated = updateUser.update(jake.id(), changes().image("").build());

        assertThat(updated.image()).isNull();
        assertThat(stored(jake).imageIfAny()).isEmpty();
    }

    @Test
    void an_image_can_be_set() {
        var updated = updateUser.update(jake.id(), changes().image("https://example.com/jake.png").build());

        assertThat(updated.image()).isEqualTo(new ImageUrl("https://example.com/jake.png"));
    }

    @Test
    void the_email_can_be_changed() {
        var updated = updateUser.update(jake.id(), changes().email("jake@conduit.io").build());

        assertThat(updated.email()).isEqualTo(new Email("jake@conduit.io"));
        assertThat(conduit.users().findByEmail(new Email("jake@conduit.io"))).map(User::id).contains(jake.id());
        assertThat(conduit.users().findByEmail(new Email("jake@example.com"))).isEmpty();
    }

    @Test
    void a_new_password_is_stored_hashed() {
        var updated = updateUser.update(jake.id(), changes().password("new-password").build());

        assertThat(updated.passwordHash().value()).isEqualTo("hashed:new-password");
        assertThat(stored(jake).passwordHash().value()).isEqualTo("hashed:new-password");
    }

    @Test
    void a_username_taken_by_someone_else_is_reported_on_the_username_field() {
        conduit.givenUser("jim");

        assertThatThrownBy(() -> updateUser.update(jake.id(), changes().username("JIM").bio("mine now").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsExactly(java.util.Map.entry("username", List.of("has already been taken"))));
        assertThat(stored(jake)).isEqualTo(jake);
    }

    @Test
    void an_email_taken_by_someone_else_is_reported_on_the_email_field() {
        conduit.givenUser("jim");

        assertThatThrownBy(() -> updateUser.update(jake.id(), changes().email("jim@example.com").build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().asMap()).containsOnlyKeys("email"));
    }

    @Test
    void changing_the_case_of_ones_own_username_is_allowed() {
        var updated = updateUser.update(jake.id(), changes().username("Jake").build());

        assertThat(updated.username()).isEqualTo(new Username("Jake"));
    }

    @Test
    void a_null_email_is_rejected_as_blank() {
        assertThatThrownBy(() -> UserUpdateCommand.of(FieldChange.cleared(), FieldChange.unchanged(),
                FieldChange.unchanged(), FieldChange.unchanged(), FieldChange.unchanged()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsExactly(java.util.Map.entry("email", List.of("can't be blank"))));
    }

    @Test
    void every_bad_field_is_reported_at_once() {
        assertThatThrownBy(() -> changes().email("nope").username("a b").password("short")
                .bio("x".repeat(Bio.MAX_LENGTH + 1)).image("ftp://example.com/x.png").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsOnlyKeys("email", "username", "password", "bio", "image"));
    }

    @Test
    void an_unknown_user_is_not_authenticated() {
        assertThatThrownBy(() -> updateUser.update(new UserId(999), changes().bio("hello").build()))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void an_empty_update_returns_the_user_unchanged() {
        assertThat(updateUser.update(jake.id(), changes().build())).isEqualTo(jake);
    }

    @Test
    void an_empty_update_of_an_unknown_user_is_not_authenticated() {
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
