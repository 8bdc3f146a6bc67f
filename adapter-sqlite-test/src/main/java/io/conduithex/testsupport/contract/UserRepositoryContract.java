package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.port.persistence.UserRepository;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.kit.Race;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} adapter must do. */
public abstract class UserRepositoryContract extends PersistenceContract {

    @Test
    void anInsertedUserGetsAnIdAndCanBeFoundByIdEmailAndUsername() {
        User jake = registered("jake");

        assertThat(jake.id().value()).isPositive();
        assertThat(readUser(tx -> tx.users().findById(jake.id()))).contains(jake);
        assertThat(readUser(tx -> tx.users().findByEmail(new Email("jake@example.com")))).contains(jake);
        assertThat(readUser(tx -> tx.users().findByUsername(new Username("jake")))).contains(jake);
    }

    @Test
    void emailAndUsernameAreFoundRegardlessOfLetterCase() {
        User jake = registered("Jake");

        assertThat(readUser(tx -> tx.users().findByEmail(new Email("JAKE@EXAMPLE.COM")))).contains(jake);
        assertThat(readUser(tx -> tx.users().findByUsername(new Username("jAKE")))).contains(jake);
    }

    @Test
    void unknownUsersAreNotFound() {
        assertThat(readUser(tx -> tx.users().findById(new UserId(4242)))).isEmpty();
        assertThat(readUser(tx -> tx.users().findByEmail(new Email("nobody@example.com")))).isEmpty();
        assertThat(readUser(tx -> tx.users().findByUsername(new Username("nobody")))).isEmpty();
    }

    @Test
    void aTakenEmailIsAUniqueViolationOnTheEmailColumnWhateverItsCase() {
        registered("jake");
        var clash = new NewUser(new Email("JAKE@example.com"), new Username("other"), new PasswordHash("h"));

        assertThatThrownBy(() -> write(tx -> tx.users().insert(clash)))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.UNIQUE);
                    assertThat(e.isUniqueOn(UserRepository.TABLE, UserRepository.EMAIL)).isTrue();
                });
    }

    @Test
    void aTakenUsernameIsAUniqueViolationOnTheUsernameColumnWhateverItsCase() {
        registered("jake");
        var clash = new NewUser(new Email("other@example.com"), new Username("JAKE"), new PasswordHash("h"));

        assertThatThrownBy(() -> write(tx -> tx.users().insert(clash)))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.isUniqueOn(UserRepository.TABLE, UserRepository.USERNAME)).isTrue());
    }

    @Test
    void updateStoresEveryField() {
        User jake = registered("jake");
        User changed = new User(jake.id(), new Email("jacob@example.com"), new Username("jacob"),
                new PasswordHash("new-hash"), new Bio("I work at statefarm"), new ImageUrl("https://example.com/j.png"));

        assertThat(writeFlag(tx -> tx.users().update(changed))).isTrue();

        assertThat(readUser(tx -> tx.users().findById(jake.id()))).contains(changed);
        assertThat(readUser(tx -> tx.users().findByEmail(new Email("jake@example.com")))).isEmpty();
    }

    @Test
    void updateCanClearBioAndImage() {
        User jake = registered("jake");
        User withBio = new User(jake.id(), jake.email(), jake.username(), jake.passwordHash(), new Bio("b"),
                new ImageUrl("https://example.com/j.png"));
        write(tx -> tx.users().update(withBio));

        write(tx -> tx.users().update(jake));

        User stored = readUser(tx -> tx.users().findById(jake.id())).orElseThrow();
        assertThat(stored.bio()).isNull();
        assertThat(stored.image()).isNull();
    }

    @Test
    void updatingAnUnknownUserChangesNothingAndSaysSo() {
        User ghost = new User(new UserId(4242), new Email("ghost@example.com"), new Username("ghost"),
                new PasswordHash("h"), null, null);

        assertThat(writeFlag(tx -> tx.users().update(ghost))).isFalse();
        assertThat(exists("ghost")).isFalse();
    }

    @Test
    void updatingToATakenEmailIsAUniqueViolationAndChangesNothing() {
        registered("jake");
        User jane = registered("jane");
        User clash = new User(jane.id(), new Email("Jake@Example.com"), jane.username(), jane.passwordHash(), null, null);

        assertThatThrownBy(() -> write(tx -> tx.users().update(clash)))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.isUniqueOn(UserRepository.TABLE, UserRepository.EMAIL)).isTrue());
        assertThat(readUser(tx -> tx.users().findById(jane.id()))).contains(jane);
    }

    @Test
    void concurrentRegistrationsOfOneEmailStoreExactlyOneUser() throws Exception {
        List<Boolean> outcomes = Race.run(8, i -> {
            var candidate = new NewUser(new Email("same@example.com"), new Username("user" + i), new PasswordHash("h"));
            return () -> {
                try {
                    write(tx -> tx.users().insert(candidate));
                    return true;
                } catch (ConstraintViolationException e) {
                    return false;
                }
            };
        });

        assertThat(outcomes.stream().filter(stored -> stored).count()).isEqualTo(1);
        assertThat(readUser(tx -> tx.users().findByEmail(new Email("same@example.com")))).isPresent();
    }

    @Test
    void concurrentRegistrationsOfDifferentUsersAllCommit() throws Exception {
        int writers = 8;

        Race.run(writers, i -> () -> registered("writer" + i));

        for (int i = 0; i < writers; i++) {
            assertThat(exists("writer" + i)).isTrue();
        }
    }
}
