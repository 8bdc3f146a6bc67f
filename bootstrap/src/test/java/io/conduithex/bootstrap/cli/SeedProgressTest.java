package io.conduithex.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.application.seed.SeedPhase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The two progress displays, on a clock the test moves. */
class SeedProgressTest {
    private static final long SECOND = 1_000_000_000L;

    private final StringWriter out = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    @Test
    void onATerminalOneLineIsRedrawnInPlaceWithRateAndEtaAtMostTenTimesASecond() {
        var bar = new ProgressBar(new PrintWriter(out), clock::get);

        bar.started(SeedPhase.ARTICLES, 0, 1000);
        clock.set(SECOND);
        bar.advanced(SeedPhase.ARTICLES, 250, 1000);
        clock.set(SECOND + SECOND / 20);
        bar.advanced(SeedPhase.ARTICLES, 260, 1000);
        clock.set(2 * SECOND);
        bar.finished(SeedPhase.ARTICLES, 1000);

        String[] frames = out.toString().split("\r", -1);
        assertThat(frames).hasSize(4);
        assertThat(frames[2]).isEqualTo("articles [#######.......................] 250/1000  25% 250/s ETA 0:03");
        assertThat(frames[3]).startsWith("articles [##############################] 1000/1000 100% 500/s ETA 0:00,"
                + " done in 2.0 s").endsWith(System.lineSeparator());
        assertThat(out.toString()).doesNotContain("260/1000");
    }

    @Test
    void withoutATerminalALineAlsoComesAfterFiveSecondsWithinTheSameTenth() {
        var lines = new ProgressLines(new PrintWriter(out), clock::get);

        lines.started(SeedPhase.USERS, 0, 1000);
        clock.set(SECOND);
        lines.advanced(SeedPhase.USERS, 10, 1000);
        clock.set(6 * SECOND);
        lines.advanced(SeedPhase.USERS, 60, 1000);
        clock.set(7 * SECOND);
        lines.advanced(SeedPhase.USERS, 100, 1000);
        lines.advanced(SeedPhase.USERS, 1000, 1000);
        lines.finished(SeedPhase.USERS, 1000);

        assertThat(out.toString().lines()).containsExactly(
                "users: 0/1000",
                "users: 60/1000 (6%), 10/s, ETA 1:34",
                "users: 100/1000 (10%), 14/s, ETA 1:03",
                "users: 1000/1000 done in 7.0 s, 143/s");
    }
}
