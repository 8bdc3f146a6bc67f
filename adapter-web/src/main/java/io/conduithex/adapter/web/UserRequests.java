package io.conduithex.adapter.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conduithex.application.user.LoginCommand;
import io.conduithex.application.user.RegistrationCommand;
import io.conduithex.application.user.UserUpdateCommand;
import io.conduithex.domain.validation.FieldErrors;

/**
 * The {@code user} object of a request body as commands, its fields read as {@link RequestFields} reads them:
 * a field of the wrong JSON type is reported as such before the values are validated.
 */
final class UserRequests {
    static final String WRAPPER = "user";

    private UserRequests() {
    }

    static RegistrationCommand registration(ObjectNode user) {
        var types = FieldErrors.builder();
        String email = RequestFields.text(user, "email", types);
        String username = RequestFields.text(user, "username", types);
        String password = RequestFields.text(user, "password", types);
        types.throwIfAny();
        return RegistrationCommand.of(email, username, password);
    }

    static LoginCommand login(ObjectNode user) {
        var types = FieldErrors.builder();
        String email = RequestFields.text(user, "email", types);
        String password = RequestFields.text(user, "password", types);
        types.throwIfAny();
        return LoginCommand.of(email, password);
    }

    /**
     * A partial update: an absent field is left unchanged, {@code null} clears it (which e-mail, username and
     * password refuse) and a string sets it; an empty bio or image also clears it.
     */
    static UserUpdateCommand update(ObjectNode user) {
        var types = FieldErrors.builder();
        var email = RequestFields.change(user, "email", types);
        var username = RequestFields.change(user, "username", types);
        var password = RequestFields.change(user, "password", types);
        var bio = RequestFields.change(user, "bio", types);
        var image = RequestFields.change(user, "image", types);
        types.throwIfAny();
        return UserUpdateCommand.of(email, username, password, bio, image);
    }
}
