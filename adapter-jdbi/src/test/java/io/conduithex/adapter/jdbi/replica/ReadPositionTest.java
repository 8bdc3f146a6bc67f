package io.conduithex.adapter.jdbi.replica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadPositionTest {

    @Test
    void itsTextNamesClusterTimelineAndPosition() {
        var position = new ReadPosition("7715513219223206025", 3, WalPosition.parse("0/1D75140"));

        assertThat(position).hasToString("7715513219223206025:3:0/1D75140");
        assertThat(ReadPosition.parse(position.toString())).contains(position);
    }

    @Test
    void itIsComparableOnlyOnItsOwnClusterAndTimeline() {
        var position = new ReadPosition("77", 3, WalPosition.parse("0/10"));

        assertThat(position.isOn("77", 3)).isTrue();
        assertThat(position.isOn("77", 4)).as("after a failover").isFalse();
        assertThat(position.isOn("78", 3)).as("another cluster").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "77:3", "77:3:0/10:9", "x:3:0/10", "77:three:0/10", "77:3:nope", ":3:0/10"})
    void anythingElseIsNoPosition(String text) {
        assertThat(ReadPosition.parse(text)).isEmpty();
    }
}
