package io.conduithex.domain.user;

import static io.conduithex.domain.validation.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void a_well_formed_address_is_accepted_as_typed() {
        assertThat(new Email("Jake@Example.com").value()).isEqualTo("Jake@Example.com");
    }

    @Test
    void surrounding_whitespace_is_stripped() {
        assertThat(new Email("  jake@example.com\t").value()).isEqualTo("jake@example.com");
    }

    @Test
    void the_normalized_form_is_lower_case() {
        assertThat(new Email("Jake@EXAMPLE.Com").normalized()).isEqualTo("jake@example.com");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void a_blank_address_is_rejected(String blank) {
        assertRejected(() -> new Email(blank), "can't be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jake", "jake@example", "@example.com", "jake@", "ja ke@example.com",
                            "jake@@example.com", "jake@exa@mple.com"})
    void an_address_of_the_wrong_shape_is_rejected(String malformed) {
        assertRejected(() -> new Email(malformed), "is invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja\u0007ke@example.com", "jake\u001b[31m@example.com", "jake@exam\u0000ple.com",
                            "jake@example.c\u007fom", "jake@example.\u0085com"})
    void an_address_with_a_control_character_is_rejected(String withControl) {
        assertRejected(() -> new Email(withControl), "is invalid");
    }

    @Test
    void an_address_of_the_maximum_length_is_accepted() {
        String address = "a".repeat(Email.MAX_LENGTH - "@example.com".length()) + "@example.com";

        assertThat(new Email(address).value()).hasSize(Email.MAX_LENGTH);
    }

    @Test
    void an_address_over_the_maximum_length_is_rejected() {
        String address = "a".repeat(Email.MAX_LENGTH + 1 - "@example.com".length()) + "@example.com";

        assertRejected(() -> new Email(address), "is too long (maximum is 254 characters)");
    }

    @Test
    void the_length_limit_applies_after_stripping() {
        String address = "a".repeat(Email.MAX_LENGTH - "@example.com".length()) + "@example.com";

        assertThat(new Email("   " + address + "   ").value()).isEqualTo(address);
    }
}
