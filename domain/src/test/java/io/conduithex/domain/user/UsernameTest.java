package io.conduithex.domain.user;

import static io.conduithex.domain.validation.Rejections.assertRejected;
import static io.conduithex.domain.validation.Rejections.assertRejectedStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    @ParameterizedTest
    @ValueSource(strings = {"jake", "Jake_the-Dog.1", "jörg", "42", "名前"})
    void lettersDigitsUnderscoreHyphenAndDotAreAllowed(String name) {
        assertThat(new Username(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jake smith", "jake/x", "jake@home", "jake?", "../etc", "jake%20", "jake#1"})
    void otherCharactersAreRejected(String name) {
        assertRejectedStartingWith(() -> new Username(name), "is invalid");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void aBlankUsernameIsRejected(String blank) {
        assertRejected(() -> new Username(blank), "can't be blank");
    }

    @Test
    void surroundingWhitespaceIsStripped() {
        assertThat(new Username("  jake ").value()).isEqualTo("jake");
    }

    @Test
    void fortyCharactersAreAccepted() {
        assertThat(new Username("j".repeat(40)).value()).hasSize(Username.MAX_LENGTH);
    }

    @Test
    void fortyOneCharactersAreRejected() {
        assertRejected(() -> new Username("j".repeat(41)), "is too long (maximum is 40 characters)");
    }

    @Test
    void theNormalizedFormIsLowerCase() {
        assertThat(new Username("JakeTheDog").normalized()).isEqualTo("jakethedog");
    }
}
