package io.conduithex.bootstrap.cli;

import java.time.Duration;
import java.util.Locale;

/** Rate and time left of a phase, from how much it did in how long. */
record ProgressFigures(long done, long total, long doneNow, long elapsedNanos) {

    /** Items per second over this call's part of the phase. */
    double rate() {
        double seconds = elapsedNanos / 1e9;
        return seconds <= 0 ? 0 : doneNow / seconds;
    }

    int percent() {
        return total == 0 ? 100 : (int) (done * 100 / total);
    }

    /** "1:05" or "2:01:05"; "--:--" while nothing was done yet to estimate from. */
    String eta() {
        double rate = rate();
        if (rate <= 0) {
            return "--:--";
        }
        return clock(Duration.ofSeconds((long) Math.ceil((total - done) / rate)));
    }

    static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
