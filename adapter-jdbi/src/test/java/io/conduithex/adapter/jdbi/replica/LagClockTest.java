package io.conduithex.adapter.jdbi.replica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LagClockTest {
    private final LagClock clock = new LagClock(10_000);

    @Test
    void aReplicaIsAsOldAsTheFirstMomentThePrimaryWasSeenPastIt() {
        clock.primaryAt(1_000, WalPosition.parse("0/100"));
        clock.primaryAt(2_000, WalPosition.parse("0/200"));
        clock.primaryAt(3_000, WalPosition.parse("0/300"));

        assertThat(clock.lagMillis(3_500, WalPosition.parse("0/150"))).isEqualTo(1_500);
        assertThat(clock.lagMillis(3_500, WalPosition.parse("0/200"))).isEqualTo(500);
        assertThat(clock.lagMillis(3_500, WalPosition.parse("0/300"))).as("caught up").isZero();
    }

    @Test
    void aQuietPrimaryMakesNoLag() {
        clock.primaryAt(1_000, WalPosition.parse("0/100"));
        clock.primaryAt(60_000, WalPosition.parse("0/100"));

        assertThat(clock.lagMillis(60_000, WalPosition.parse("0/100"))).isZero();
    }

    @Test
    void samplesOlderThanItKeepsAreForgottenButTheNewestStays() {
        clock.primaryAt(1_000, WalPosition.parse("0/100"));
        clock.primaryAt(30_000, WalPosition.parse("0/200"));

        assertThat(clock.lagMillis(30_000, WalPosition.parse("0/50"))).as("first seen past it at 30 s now")
                .isZero();
        assertThat(clock.lagMillis(31_000, WalPosition.parse("0/150"))).isEqualTo(1_000);
    }
}
