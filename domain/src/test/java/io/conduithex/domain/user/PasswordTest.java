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
    void eightCharactersAreEnough() {
        assertThat(new Password("12345678").reveal()).isEqualTo("12345678");
    }

    @Test
    void spacesAloneAreBlankHoweverMany() {
        assertRejected(() -> new Password(" ".repeat(8)), "can't be blank");
        assertRejected(() -> new Password("\t".repeat(20)), "can't be blank");
    }

    @Test
    void spacesAroundOtherCharactersAreKept() {
        assertThat(new Password(" pass word ").reveal()).isEqualTo(" pass word ");
    }

    @Test
    void aLoginWithSpacesOnlyIsStillCheckedSoThatNoEarlierAccountIsLockedOut() {
        assertThat(Password.forLogin(" ".repeat(8)).reveal()).isEqualTo("        ");
    }

    @Test
    void sevenCharactersAreTooShort() {
        assertRejected(() -> new Password("1234567"), "is too short (minimum is 8 characters)");
    }

    @Test
    void theMinimumLengthCountsCodePointsNotChars() {
        assertThat(new Password(LOCK.repeat(8)).reveal()).isEqualTo(LOCK.repeat(8));
        assertRejectedStartingWith(() -> new Password(LOCK.repeat(7)), "is too short");
    }

    @Test
    void seventyTwoBytesAreAccepted() {
        assertThat(new Password("p".repeat(72)).reveal()).hasSize(72);
    }

    @Test
    void seventyThreeBytesAreTooLong() {
        assertRejected(() -> new Password("p".repeat(73)), "is too long (maximum is 72 bytes)");
    }

    @Test
    void theMaximumLengthCountsUtf8BytesNotChars() {
        String thirtySevenAccents = "é".repeat(37); // 37 chars, 74 bytes

        assertRejectedStartingWith(() -> new Password(thirtySevenAccents), "is too long");
        assertThat(new Password("é".repeat(36)).reveal()).isEqualTo("é".repeat(36));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void anEmptyPasswordIsRejected(String empty) {
        assertRejected(() -> new Password(empty), "can't be blank");
    }

    @Test
    void aLoginPasswordSkipsTheLengthRules() {
        assertThat(Password.forLogin("short").reveal()).isEqualTo("short");
        assertThat(Password.forLogin("p".repeat(200)).reveal()).hasSize(200);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void anEmptyLoginPasswordIsRejected(String empty) {
        assertRejected(() -> Password.forLogin(empty), "can't be blank");
    }

    @Test
    void toStringNeverRevealsTheValue() {
        assertThat(new Password("correct horse battery").toString()).doesNotContain("correct", "horse", "battery");
        assertThat(Password.forLogin("hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void aRejectionMessageNeverContainsTheValue() {
        assertThatThrownBy(() -> new Password("secret!"))
                .hasMessageNotContaining("secret!");
        assertThatThrownBy(() -> new Password("secret".repeat(20)))
                .hasMessageNotContaining("secret");
    }
}
