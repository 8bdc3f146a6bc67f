package io.conduithex.domain.port.persistence;

import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.util.Optional;

/**
 * Users, bound to one transaction. E-mail and username are unique regardless of letter case; the database
 * decides, and a clash surfaces as a {@link io.conduithex.domain.failure.ConstraintViolationException} of
 * kind UNIQUE on table {@value #TABLE}, column {@value #EMAIL} or {@value #USERNAME}.
 */
public interface UserRepository {
    String TABLE = "users";
    String EMAIL = "email";
    String USERNAME = "username";

    /** Stores a new user and returns it with its assigned id. */
    User insert(NewUser user);

    Optional<User> findById(UserId id);

    /** Finds by e-mail, ignoring letter case. */
    Optional<User> findByEmail(Email email);

    /** Finds by username, ignoring letter case. */
    Optional<User> findByUsername(Username username);

    /** Stores every field of {@code user}; returns false when no such user exists. */
    boolean update(User user);
}
