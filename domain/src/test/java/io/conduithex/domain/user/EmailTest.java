package io.conduithex.domain.user;

import static io.conduithex.domain.validation.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void aWellFormedAddressIsAcceptedAsTyped() {
        assertThat(new Email("Jake@Example.com").value()).isEqualTo("Jake@Example.com");
    }

    @Test
    void surroundingWhitespaceIsStripped() {
        assertThat(new Email("  jake@example.com\t").value()).isEqualTo("jake@example.com");
    }

    @Test
    void theNormalizedFormIsLowerCase() {
        assertThat(new Email("Jake@EXAMPLE.Com").normalized()).isEqualTo("jake@example.com");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void aBlankAddressIsRejected(String blank) {
        assertRejected(() -> new Email(blank), "can't be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jake", "jake@example", "@example.com", "jake@", "ja ke@example.com",
                            "jake@@example.com", "jake@exa@mple.com"})
    void anAddressOfTheWrongShapeIsRejected(String malformed) {
        assertRejected(() -> new Email(malformed), "is invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja\u0007ke@example.com", "jake\u001b[31m@example.com", "jake@exam\u0000ple.com",
                            "jake@example.c\u007fom", "jake@example.\u0085com"})
    void anAddressWithAControlCharacterIsRejected(String withControl) {
        assertRejected(() -> new Email(withControl), "is invalid");
    }

    @Test
    void anAddressOfTheMaximumLengthIsAccepted() {
        String address = "a".repeat(Email.MAX_LENGTH - "@example.com".length()) + "@example.com";

        assertThat(new Email(address).value()).hasSize(Email.MAX_LENGTH);
    }

    @Test
    void anAddressOverTheMaximumLengthIsRejected() {
        String address = "a".repeat(Email.MAX_LENGTH + 1 - "@example.com".length()) + "@example.com";

        assertRejected(() -> new Email(address), "is too long (maximum is 254 characters)");
    }

    @Test
    void theLengthLimitAppliesAfterStripping() {
        String address = "a".repeat(Email.MAX_LENGTH - "@example.com".length()) + "@example.com";

        assertThat(new Email("   " + address + "   ").value()).isEqualTo(address);
    }
}
