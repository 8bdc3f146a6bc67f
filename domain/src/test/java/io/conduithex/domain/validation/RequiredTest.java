package io.conduithex.domain.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequiredTest {

    @Test
    void presentValuesPass() {
        assertThatCode(() -> Required.nonNull("id", 1, "name", "jake")).doesNotThrowAnyException();
    }

    @Test
    void theFirstMissingValueIsNamed() {
        assertThatThrownBy(() -> Required.nonNull("id", 1, "name", null, "bio", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name");
    }

    @Test
    void aNameWithoutItsValueIsAMistakeOfTheCaller() {
        assertThatThrownBy(() -> Required.nonNull("id", 1, "name"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
