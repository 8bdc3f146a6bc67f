package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.domain.port.persistence.UserRepository;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Users in table {@code users}. Case-insensitive uniqueness rests on the {@code email_key} and
 * {@code username_key} columns, which hold the domain's normalized forms and carry the unique constraints,
 * so both dialects compare exactly as the domain does.
 */
record JdbiUserRepository(GuardedHandle handle, ChangeLog changes) implements UserRepository {
    private static final String COLUMNS = "id, email, username, password_hash, bio, image";

    @Override
    public User insert(NewUser user) {
        // Nothing a reader could have been shown changes: a new user has written, favorited and followed nothing,
        // and "no such profile" is never remembered.
        long id = handle.insertReturningId("""
                        INSERT INTO users (email, email_key, username, username_key, password_hash)
                        VALUES (:email, :emailKey, :username, :usernameKey, :passwordHash)
                        RETURNING id""",
                Map.of("email", user.email().value(), "emailKey", user.email().normalized(),
                        "username", user.username().value(), "usernameKey", user.username().normalized(),
                        "passwordHash", user.passwordHash().value()));
        return new User(new UserId(id), user.email(), user.username(), user.passwordHash(), null, null);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return findWhere("id", id.value());
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return findWhere("email_key", email.normalized());
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return findWhere("username_key", username.normalized());
    }

    /** The user whose {@code column} (a key) equals {@code value}. */
    private Optional<User> findWhere(String column, Object value) {
        return handle.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE " + column + " = :value")
                .bind("value", value)
                .map(JdbiUserRepository::mapUser)
                .findOne());
    }

    @Override
    public boolean update(User user) {
        int rows = handle.with(h -> h.createUpdate("""
                        UPDATE users
                           SET email = :email, email_key = :emailKey, username = :username,
                               username_key = :usernameKey, password_hash = :passwordHash,
                               bio = :bio, image = :image, updated_at = CURRENT_TIMESTAMP
                         WHERE id = :id""")
                .bind("id", user.id().value())
                .bind("email", user.email().value())
                .bind("emailKey", user.email().normalized())
                .bind("username", user.username().value())
                .bind("usernameKey", user.username().normalized())
                .bind("passwordHash", user.passwordHash().value())
                .bind("bio", user.bio() == null ? null : user.bio().value())
                .bind("image", user.image() == null ? null : user.image().value())
                .execute());
        if (rows == 1) {
            // Username, bio and image show beside every article and comment the user wrote, on every list: which
            // changed is not told here, and updates are rare enough to forget everything.
            changes.everything();
        }
        return rows == 1;
    }

    static User mapUser(ResultSet rs, StatementContext ctx) throws SQLException {
        String bio = rs.getString("bio");
        String image = rs.getString("image");
        return new User(
                new UserId(rs.getLong("id")),
                new Email(rs.getString("email")),
                new Username(rs.getString("username")),
                new PasswordHash(rs.getString("password_hash")),
                bio == null ? null : new Bio(bio),
                image == null ? null : new ImageUrl(image));
    }
}
