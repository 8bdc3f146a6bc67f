package io.conduithex.bootstrap.cli;

import io.conduithex.application.seed.SeedPhase;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Seed progress as one line on a terminal, redrawn in place (carriage return) at most ten times a second:
 * phase, bar, done/total, rate and time left. Each phase ends its line with its duration.
 */
final class ProgressBar extends SeedProgress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private int lastLength;

    ProgressBar(PrintWriter out, LongSupplier nanoTime) {
        super(out, nanoTime);
    }

    @Override
    public void started(SeedPhase phase, long done, long total) {
        long started = startPhase(done);
        lastLength = 0;
        draw(phase, done, total, started, "");
    }

    @Override
    public void advanced(SeedPhase phase, long done, long total) {
        long now = now();
        if (quietFor(REDRAW_NANOS, now)) {
            draw(phase, done, total, now, "");
        }
    }

    @Override
    public void finished(SeedPhase phase, long total) {
        long now = now();
        draw(phase, total, total, now, ", done in " + ProgressFigures.seconds(sincePhaseStarted(now)));
        out.println();
        out.flush();
    }

    private void draw(SeedPhase phase, long done, long total, long now, String suffix) {
        shownAt(now);
        var figures = figures(done, total, now);
        int filled = (int) (WIDTH * (long) figures.percent() / 100);
        String line = String.format(Locale.ROOT, "%-8s [%s%s] %d/%d %3d%% %.0f/s ETA %s%s", phase.label(),
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, figures.percent(), figures.rate(),
                figures.eta(), suffix);
        // Blanks over whatever a longer previous line left behind.
        String padding = " ".repeat(Math.max(0, lastLength - line.length()));
        lastLength = line.length();
        out.print("\r" + line + padding);
        out.flush();
    }
}
