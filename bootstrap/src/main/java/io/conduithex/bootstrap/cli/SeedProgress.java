package io.conduithex.bootstrap.cli;

import io.conduithex.application.seed.SeedListener;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * What both seed progress displays keep of the phase under way: when it started and how much was done before
 * (a resumed run), from which rate and time left are figured, and when the display last showed it, which bounds
 * how often it does. Not thread-safe: the seeding thread calls it.
 */
abstract class SeedProgress implements SeedListener {
    final PrintWriter out;
    private final LongSupplier nanoTime;
    private long phaseStarted;
    private long doneAtStart;
    private long lastShownAt;

    SeedProgress(PrintWriter out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
    }

    /** A bar redrawn in place on a terminal, plain lines otherwise (pipes, CI logs). */
    static SeedListener forConsole(PrintWriter out) {
        return System.console() != null ? new ProgressBar(out, System::nanoTime) : new ProgressLines(out, System::nanoTime);
    }

    /**
     * Starts timing a phase that begins with {@code done} items already done, which the display shows at once;
     * returns the time it started.
     */
    final long startPhase(long done) {
        phaseStarted = nanoTime.getAsLong();
        doneAtStart = done;
        lastShownAt = phaseStarted;
        return phaseStarted;
    }

    /** Whether the display has shown nothing for {@code intervalNanos} or more at {@code now}. */
    final boolean quietFor(long intervalNanos, long now) {
        return now - lastShownAt >= intervalNanos;
    }

    final void shownAt(long now) {
        lastShownAt = now;
    }

    final long now() {
        return nanoTime.getAsLong();
    }

    final long sincePhaseStarted(long now) {
        return now - phaseStarted;
    }

    /** The figures of the phase at {@code now}, counting the rate over what this run did. */
    final ProgressFigures figures(long done, long total, long now) {
        return new ProgressFigures(done, total, done - doneAtStart, now - phaseStarted);
    }
}
