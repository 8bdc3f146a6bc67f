package io.conduithex.domain.user;

import static io.conduithex.domain.validation.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void aWellFormedAddressIsAcceptedAsTyped() {
        assertThat(new Email("Jake@Example.com").value()).isEqualTo("Jake@Example.com");
    }

    @Test
    void theNormalizedFormIsLowerCase() {
        assertThat(new Email("Jake@EXAMPLE.Com").normalized()).isEqualTo("jake@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jake", "jake@example", "@example.com", "jake@", "ja ke@example.com",
                            "jake@@example.com", "jake@exa@mple.com"})
    void anAddressOfTheWrongShapeIsRejected(String malformed) {
        assertRejected(() -> new Email(malformed), "is invalid");
    }
}
