package io.conduithex.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {

    @Test
    void toStringIsMasked() {
        var hash = new PasswordHash("$2a$10$abcdefghijklmnopqrstuv");

        assertThat(hash.toString()).doesNotContain("$2a$10$", "abcdefghijklmnopqrstuv");
        assertThat(hash.value()).isEqualTo("$2a$10$abcdefghijklmnopqrstuv");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aBlankHashIsRejected(String blank) {
        assertThatThrownBy(() -> new PasswordHash(blank)).isInstanceOf(IllegalArgumentException.class);
    }
}
