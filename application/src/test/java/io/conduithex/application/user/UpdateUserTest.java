package io.conduithex.application.user;

import io.conduithex.domain.audit.AuditAction;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateUserTest {

    private final InMemoryConduit conduit = new InMemoryConduit();
    private final UpdateUser updateUser = new UpdateUser(conduit.transactions, conduit.hasher, conduit.audit);
    private final User jake = conduit.givenUser("jake");

    @Test
    void onlyTheBioChangesWhenOnlyTheBioIsGiven() {
        var updated = updateUser.update(jake.id(), changes(Map.of("bio", "I work at statefarm")));

        assertThat(updated.bio()).isEqualTo(new Bio("I work at statefarm"));
        assertThat(updated.email()).isEqualTo(jake.email());
        assertThat(updated.username()).isEqualTo(jake.username());
        assertThat(updated.passwordHash()).isEqualTo(jake.passwordHash());
        assertThat(updated.image()).isNull();
        assertThat(stored(jake)).isEqualTo(updated);
    }

    @Test
    void anEmptyImageClearsTheImage() {
        updateUser.update(jake.id(), changes(Map.of("image", "https://example.com/jake.png")));

        var updated = updateUser.update(jake.id(), changes(Map.of("image", "")));

        assertThat(updated.image()).isNull();
        assertThat(stored(jake).imageIfAny()).isEmpty();
    }

    @Test
    void anImageCanBeSet() {
        var updated = updateUser.update(jake.id(), changes(Map.of("image", "https://example.com/jake.png")));

        assertThat(updated.image()).isEqualTo(new ImageUrl("https://example.com/jake.png"));
    }

    @Test
    void theEmailCanBeChanged() {
        var updated = updateUser.update(jake.id(), changes(Map.of("email", "jake@conduit.io")));

        assertThat(updated.email()).isEqualTo(new Email("jake@conduit.io"));
        assertThat(conduit.users().findByEmail(new Email("jake@conduit.io"))).map(User::id).contains(jake.id());
        assertThat(conduit.users().findByEmail(new Email("jake@example.com"))).isEmpty();
    }

    @Test
    void aNewPasswordIsStoredHashed() {
        var updated = updateUser.update(jake.id(), changes(Map.of("password", "new-password")));

        assertThat(updated.passwordHash().value()).isEqualTo("hashed:new-password");
        assertThat(stored(jake).passwordHash().value()).isEqualTo("hashed:new-password");
    }

    @Test
    void aUsernameTakenBySomeoneElseIsReportedOnTheUsernameField() {
        conduit.givenUser("jim");

        assertThatThrownBy(() -> updateUser.update(jake.id(), changes(Map.of("username", "JIM", "bio", "mine now"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsExactly(Map.entry("username", List.of("has already been taken"))));
        assertThat(stored(jake)).isEqualTo(jake);
    }

    @Test
    void anEmailTakenBySomeoneElseIsReportedOnTheEmailField() {
        conduit.givenUser("jim");

        assertThatThrownBy(() -> updateUser.update(jake.id(), changes(Map.of("email", "jim@example.com"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().asMap()).containsOnlyKeys("email"));
    }

    @Test
    void changingTheCaseOfOnesOwnUsernameIsAllowed() {
        var updated = updateUser.update(jake.id(), changes(Map.of("username", "Jake")));

        assertThat(updated.username()).isEqualTo(new Username("Jake"));
    }

    @Test
    void anEmptyPasswordFromAFormThatSendsEveryFieldLeavesThePasswordAndSavesTheRest() {
        var updated = updateUser.update(jake.id(), changes(Map.of("password", "", "bio", "my bio")));

        assertThat(updated.bio()).isEqualTo(new Bio("my bio"));
        assertThat(updated.passwordHash()).isEqualTo(jake.passwordHash());
        assertThat(stored(jake)).isEqualTo(updated);
    }

    @Test
    void anUpdateLeavesOneAuditEventNamingTheFieldsItChangedAndAnEmptyOneNone() {
        updateUser.update(jake.id(), changes(Map.of()));
        updateUser.update(jake.id(), changes(Map.of("password", "new-password-1", "bio", "", "email", "")));

        assertThat(conduit.auditEvents()).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.USER_UPDATED);
            assertThat(event.actor()).contains(jake.id());
            assertThat(event.changedFields()).containsExactly("password", "bio");
            assertThat(event.toString()).doesNotContain("new-password-1");
        });
    }

    @Test
    void aBlankButNotEmptyPasswordIsStillRejected() {
        assertThatThrownBy(() -> changes(Map.of("password", "   ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsKey("password"));
    }

    @Test
    void aNullEmailUsernameAndPasswordAreNotChanges() {
        var command = UserUpdateCommand.of(FieldChange.cleared(), FieldChange.cleared(), FieldChange.cleared(),
                FieldChange.unchanged(), FieldChange.unchanged());

        assertThat(command.changesNothing()).isTrue();
        assertThat(updateUser.update(jake.id(), command)).isEqualTo(jake);
    }

    @Test
    void anEmptyEmailAndUsernameLeaveThemAndSaveTheRest() {
        var updated = updateUser.update(jake.id(), changes(Map.of("email", "", "username", "", "bio", "my bio")));

        assertThat(updated.email()).isEqualTo(jake.email());
        assertThat(updated.username()).isEqualTo(jake.username());
        assertThat(stored(jake)).isEqualTo(updated);
    }

    @Test
    void aBlankButNotEmptyEmailOrUsernameIsStillRejected() {
        assertThatThrownBy(() -> changes(Map.of("email", " ", "username", "  ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsOnlyKeys("email", "username"));
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> changes(Map.of("email", "nope", "username", "a b", "password", "short",
                "bio", "x".repeat(Bio.MAX_LENGTH + 1), "image", "ftp://example.com/x.png")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsOnlyKeys("email", "username", "password", "bio", "image"));
    }

    @Test
    void anUnknownUserIsNotAuthenticated() {
        assertThatThrownBy(() -> updateUser.update(new UserId(999), changes(Map.of("bio", "hello"))))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void anEmptyUpdateReturnsTheUserUnchanged() {
        assertThat(updateUser.update(jake.id(), changes(Map.of()))).isEqualTo(jake);
    }

    @Test
    void anEmptyUpdateOfAnUnknownUserIsNotAuthenticated() {
        assertThatThrownBy(() -> updateUser.update(new UserId(999), changes(Map.of())))
                .isInstanceOf(AuthenticationException.class);
    }

    private User stored(User user) {
        return conduit.users().findById(user.id()).orElseThrow();
    }

    /**
     * Raw changes as the web adapter would pass them, keyed by field name: a field not mentioned is left
     * unchanged, and a name that is not a field fails the test.
     */
    private static UserUpdateCommand changes(Map<String, String> fields) {
        assertThat(List.of("email", "username", "password", "bio", "image")).containsAll(fields.keySet());
        return UserUpdateCommand.of(change(fields, "email"), change(fields, "username"), change(fields, "password"),
                change(fields, "bio"), change(fields, "image"));
    }

    private static FieldChange<String> change(Map<String, String> fields, String field) {
        return fields.containsKey(field) ? FieldChange.setTo(fields.get(field)) : FieldChange.unchanged();
    }
}
