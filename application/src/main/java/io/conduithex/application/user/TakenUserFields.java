package io.conduithex.application.user;

import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.port.persistence.UserRepository;
import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.ValidationException;

/** Turns the database's verdict that an e-mail or username is taken into the field error a client expects. */
final class TakenUserFields {
    static final String TAKEN = "has already been taken";

    private TakenUserFields() {
    }

    /** The field error for a clash on e-mail or username; any other violation is returned unchanged. */
    static RuntimeException translate(ConstraintViolationException violation) {
        for (String field : new String[] {UserRepository.EMAIL, UserRepository.USERNAME}) {
            if (violation.isUniqueOn(UserRepository.TABLE, field)) {
                return new ValidationException(FieldErrors.of(field, TAKEN), violation);
            }
        }
        return violation;
    }
}
