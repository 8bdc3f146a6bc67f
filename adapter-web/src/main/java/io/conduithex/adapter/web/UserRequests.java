package io.conduithex.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conduithex.application.command.FieldChange;
import io.conduithex.application.user.LoginCommand;
import io.conduithex.application.user.RegistrationCommand;
import io.conduithex.application.user.UserUpdateCommand;
import io.conduithex.domain.validation.FieldErrors;

/**
 * The {@code user} object of a request body as commands. A field of the wrong JSON type is reported as
 * such before the values are validated, so a number given as e-mail is not called blank.
 */
final class UserRequests {
    static final String WRAPPER = "user";
    static final String NOT_A_STRING = "must be a string";

    private UserRequests() {
    }

    static RegistrationCommand registration(ObjectNode user) {
        var types = FieldErrors.builder();
        String email = text(user, "email", types);
        String username = text(user, "username", types);
        String password = text(user, "password", types);
        types.throwIfAny();
        return RegistrationCommand.of(email, username, password);
    }

    static LoginCommand login(ObjectNode user) {
        var types = FieldErrors.builder();
        String email = text(user, "email", types);
        String password = text(user, "password", types);
        types.throwIfAny();
        return LoginCommand.of(email, password);
    }

    /**
     * A partial update: an absent field is left unchanged, {@code null} clears it (which e-mail, username and
     * password refuse) and a string sets it; an empty bio or image also clears it.
     */
    static UserUpdateCommand update(ObjectNode user) {
        var types = FieldErrors.builder();
        var email = change(user, "email", types);
        var username = change(user, "username", types);
        var password = change(user, "password", types);
        var bio = change(user, "bio", types);
        var image = change(user, "image", types);
        types.throwIfAny();
        return UserUpdateCommand.of(email, username, password, bio, image);
    }

    static FieldChange<String> change(ObjectNode object, String field, FieldErrors.Builder types) {
        JsonNode value = object.get(field);
        if (value == null) {
            return FieldChange.unchanged();
        }
        if (value.isNull()) {
            return FieldChange.cleared();
        }
        if (!value.isTextual()) {
            types.add(field, NOT_A_STRING);
            return FieldChange.unchanged();
        }
        return FieldChange.setTo(value.textValue());
    }

    /** The field's text, or null when absent or null (the command then says it can't be blank). */
    static String text(ObjectNode object, String field, FieldErrors.Builder types) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            types.add(field, NOT_A_STRING);
            return null;
        }
        return value.textValue();
    }
}
