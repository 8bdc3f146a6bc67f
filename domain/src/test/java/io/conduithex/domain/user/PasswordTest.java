package io.conduithex.domain.user;

import static io.conduithex.domain.validation.Rejections.assertRejected;
import static io.conduithex.domain.validation.Rejections.assertRejectedStartingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class PasswordTest {

    private static final String LOCK = "\uD83D\uDD12"; // one code point, two chars, four UTF-8 bytes

    @Test
    void eight_characters_are_enough() {
        assertThat(new Password("12345678").reveal()).isEqualTo("12345678");
    }

    @Test
    void seven_characters_are_too_short() {
        assertRejected(() -> new Password("1234567"), "is too short (minimum is 8 characters)");
    }

    @Test
    void the_minimum_length_counts_code_points_not_chars() {
        assertThat(new Password(LOCK.repeat(8)).reveal()).isEqualTo(LOCK.repeat(8));
        assertRejectedStartingWith(() -> new Password(LOCK.repeat(7)), "is too short");
    }

    @Test
    void seventy_two_bytes_are_accepted() {
        assertThat(new Password("p".repeat(72)).reveal()).hasSize(72);
    }

    @Test
    void seventy_three_bytes_are_too_long() {
        assertRejected(() -> new Password("p".repeat(73)), "is too long (maximum is 72 bytes)");
    }

    @Test
    void the_maximum_length_counts_utf8_bytes_not_chars() {
        String thirtySevenAccents = "é".repeat(37); // 37 chars, 74 bytes

        assertRejectedStartingWith(() -> new Password(thirtySevenAccents), "is too long");
        assertThat(new Password("é".repeat(36)).reveal()).isEqualTo("é".repeat(36));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void an_empty_password_is_rejected(String empty) {
        assertRejected(() -> new Password(empty), "can't be blank");
    }

    @Test
    void a_login_password_skips_the_length_rules() {
        assertThat(Password.forLogin("short").reveal()).isEqualTo("short");
        assertThat(Password.forLogin("p".repeat(200)).reveal()).hasSize(200);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void an_empty_login_password_is_rejected(String empty) {
        assertRejected(() -> Password.forLogin(empty), "can't be blank");
    }

    @Test
    void to_string_never_reveals_the_value() {
        assertThat(new Password("correct horse battery").toString()).doesNotContain("correct", "horse", "battery");
        assertThat(Password.forLogin("hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void a_rejection_message_never_contains_the_value() {
        assertThatThrownBy(() -> new Password("secret!"))
                .hasMessageNotContaining("secret!");
        assertThatThrownBy(() -> new Password("secret".repeat(20)))
                .hasMessageNotContaining("secret");
    }
}
