package io.conduithex.adapter.jdbi.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WalPositionTest {

    @Test
    void readsAndWritesPostgresText() {
        assertThat(WalPosition.parse("16/B374D848").value()).isEqualTo(0x16B374D848L);
        assertThat(WalPosition.parse("16/b374d848")).hasToString("16/B374D848");
        assertThat(WalPosition.parse("0/0")).hasToString("0/0");
    }

    @Test
    void comparesAsUnsignedNumbers() {
        var high = WalPosition.parse("FFFFFFFF/0");
        var low = WalPosition.parse("1/0");

        assertThat(high.isAtLeast(low)).isTrue();
        assertThat(low.isAtLeast(high)).isFalse();
        assertThat(high.bytesAhead(low)).isEqualTo(0xFFFFFFFF00000000L - 0x100000000L);
    }

    @Test
    void bytesAheadIsNeverNegative() {
        assertThat(WalPosition.parse("0/10").bytesAhead(WalPosition.parse("0/20"))).isZero();
        assertThat(WalPosition.parse("0/20").bytesAhead(WalPosition.parse("0/10"))).isEqualTo(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "16", "16/", "/1", "G/1", "123456789/1", "1/2/3", " 1/2"})
    void anythingElseIsRefused(String text) {
        assertThatThrownBy(() -> WalPosition.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
