package io.conduithex.domain.user;

import static io.conduithex.domain.validation.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.validation.InvalidValueException;
import org.junit.jupiter.api.Test;

class BioTest {

    @Test
    void anEmptyBioIsAllowed() {
        assertThat(new Bio("").value()).isEmpty();
    }

    @Test
    void aBioOfTheMaximumLengthIsAccepted() {
        assertThat(new Bio("x".repeat(Bio.MAX_LENGTH)).value()).hasSize(4000);
    }

    @Test
    void aBioOverTheMaximumLengthIsRejected() {
        assertRejected(() -> new Bio("x".repeat(Bio.MAX_LENGTH + 1)), "is too long (maximum is 4000 characters)");
    }

    @Test
    void aNullBioIsRejected() {
        assertThatThrownBy(() -> new Bio(null)).isInstanceOf(InvalidValueException.class);
    }
}
