package io.conduithex.application.fakes;

import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.port.persistence.UserRepository;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Users in a map. E-mail and username are unique ignoring case, and a clash throws the same
 * {@link ConstraintViolationException} the JDBI adapter does.
 */
public final class InMemoryUserRepository implements UserRepository {

    record Snapshot(Map<UserId, User> byId, long lastId) {
    }

    private final Runnable beforeWrite;
    private Map<UserId, User> byId = new LinkedHashMap<>();
    private long lastId;

    InMemoryUserRepository(Runnable beforeWrite) {
        this.beforeWrite = beforeWrite;
    }

    @Override
    public User insert(NewUser user) {
        beforeWrite.run();
        requireFree(null, user.email(), user.username());
        var stored = new User(new UserId(++lastId), user.email(), user.username(), user.passwordHash(), null, null);
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return byId.values().stream().filter(u -> u.email().normalized().equals(email.normalized())).findFirst();
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return byId.values().stream()
                .filter(u -> u.username().normalized().equals(username.normalized()))
                .findFirst();
    }

    @Override
    public boolean update(User user) {
        beforeWrite.run();
        if (!byId.containsKey(user.id())) {
            return false;
        }
        requireFree(user.id(), user.email(), user.username());
        byId.put(user.id(), user);
        return true;
    }

    /** Removes a user behind the use cases' back, as another request could. */
    public void delete(UserId id) {
        byId.remove(id);
    }

    private void requireFree(UserId self, Email email, Username username) {
        for (User other : byId.values()) {
            if (other.id().equals(self)) {
                continue;
            }
            if (other.email().normalized().equals(email.normalized())) {
                throw uniqueViolation(EMAIL);
            }
            if (other.username().normalized().equals(username.normalized())) {
                throw uniqueViolation(USERNAME);
            }
        }
    }

    private static ConstraintViolationException uniqueViolation(String column) {
        return new ConstraintViolationException(ConstraintViolationException.Kind.UNIQUE,
                TABLE + "_" + column + "_key", TABLE, column, "duplicate key value on " + TABLE + "." + column, null);
    }

    Snapshot snapshot() {
        return new Snapshot(new LinkedHashMap<>(byId), lastId);
    }

    void restore(Snapshot snapshot) {
        byId = new LinkedHashMap<>(snapshot.byId());
        // Like a database sequence, ids are not given back on rollback.
    }
}
