package io.conduithex.domain.validation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** How a value object's tests say that building it is refused, and with which message for the client. */
public final class Rejections {
    private Rejections() {
    }

    /** Building the value fails with an {@link InvalidValueException} whose message is exactly {@code message}. */
    public static void assertRejected(ThrowingCallable building, String message) {
        assertThatThrownBy(building).isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    /** Building the value fails with an {@link InvalidValueException} whose message starts with {@code start}. */
    public static void assertRejectedStartingWith(ThrowingCallable building, String start) {
        assertThatThrownBy(building).isInstanceOf(InvalidValueException.class).hasMessageStartingWith(start);
    }
}
