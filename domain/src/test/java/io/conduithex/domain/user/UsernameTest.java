package io.conduithex.domain.user;

import static io.conduithex.domain.validation.Rejections.assertRejectedStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    @Test
    void theNormalizedFormIsLowerCase() {
        assertThat(new Username("JakeTheDog").normalized()).isEqualTo("jakethedog");
    }
}
