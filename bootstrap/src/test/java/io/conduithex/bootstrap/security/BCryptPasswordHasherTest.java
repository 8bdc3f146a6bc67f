package io.conduithex.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.user.Password;
import org.junit.jupiter.api.Test;

class BCryptPasswordHasherTest {
    private final BCryptPasswordHasher hasher = new BCryptPasswordHasher(4);

    @Test
    void aPasswordMatchesItsOwnHash() {
        var password = new Password("jakejake");

        assertThat(hasher.matches(password, hasher.hash(password))).isTrue();
    }

    @Test
    void anotherPasswordDoesNotMatch() {
        var hash = hasher.hash(new Password("jakejake"));

        assertThat(hasher.matches(Password.forLogin("jakejakf"), hash)).isFalse();
        assertThat(hasher.matches(Password.forLogin("JAKEJAKE"), hash)).isFalse();
    }

    @Test
    void theHashIsBcryptWithTheConfiguredCostAndASaltOfItsOwn() {
        var password = new Password("jakejake");

        var first = hasher.hash(password).value();
        var second = hasher.hash(password).value();

        assertThat(first).startsWith("$2y$04$").hasSize(60).doesNotContain("jakejake");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aHashMadeAtAnotherCostStillMatches() {
        var password = new Password("jakejake");

        assertThat(hasher.matches(password, new BCryptPasswordHasher(5).hash(password))).isTrue();
    }

    @Test
    void aLoginPasswordLongerThanBcryptReadsNeverMatchesItsPrefix() {
        String seventyTwoBytes = "x".repeat(72);
        var hash = hasher.hash(new Password(seventyTwoBytes));

        assertThat(hasher.matches(Password.forLogin(seventyTwoBytes + "y"), hash)).isFalse();
        assertThat(hasher.matches(Password.forLogin(seventyTwoBytes), hash)).isTrue();
    }

    @Test
    void aCostOutsideFourToThirtyOneIsRefused() {
        assertThatThrownBy(() -> new BCryptPasswordHasher(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BCryptPasswordHasher(32)).isInstanceOf(IllegalArgumentException.class);
    }
}
