package io.conduithex.domain.user;

import static io.conduithex.domain.validation.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.validation.InvalidValueException;
import org.junit.jupiter.api.Test;

class BioTest {

    @Test
    void an_empty_bio_is_allowed() {
        assertThat(new Bio("").value()).isEmpty();
    }

    @Test
    void a_bio_of_the_maximum_length_is_accepted() {
        assertThat(new Bio("x".repeat(Bio.MAX_LENGTH)).value()).hasSize(4000);
    }

    @Test
    void a_bio_over_the_maximum_length_is_rejected() {
        assertRejected(() -> new Bio("x".repeat(Bio.MAX_LENGTH + 1)), "is too long (maximum is 4000 characters)");
    }

    @Test
    void a_null_bio_is_rejected() {
        assertThatThrownBy(() -> new Bio(null)).isInstanceOf(InvalidValueException.class);
    }
}
