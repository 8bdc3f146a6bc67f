package io.conduithex.bootstrap.cli;

import io.conduithex.application.seed.SeedPhase;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Seed progress as plain lines, for logs and pipes: one when a phase starts, one at each further tenth of it or
 * after {@value #INTERVAL_SECONDS} s without a line, one when it ends.
 */
final class ProgressLines extends SeedProgress {
    private static final long INTERVAL_SECONDS = 5;
    private static final long INTERVAL_NANOS = INTERVAL_SECONDS * 1_000_000_000L;

    private long lastTenth;

    ProgressLines(PrintWriter out, LongSupplier nanoTime) {
        super(out, nanoTime);
    }

    @Override
    public void started(SeedPhase phase, long done, long total) {
        startPhase(done);
        lastTenth = tenth(done, total);
        String resumed = done > 0 ? " (resuming)" : "";
        print(String.format(Locale.ROOT, "%s: %d/%d%s", phase.label(), done, total, resumed));
    }

    @Override
    public void advanced(SeedPhase phase, long done, long total) {
        long now = now();
        long tenth = tenth(done, total);
        if (done >= total || (tenth <= lastTenth && !quietFor(INTERVAL_NANOS, now))) {
            return;
        }
        lastTenth = tenth;
        shownAt(now);
        var figures = figures(done, total, now);
        print(String.format(Locale.ROOT, "%s: %d/%d (%d%%), %.0f/s, ETA %s", phase.label(), done, total,
                figures.percent(), figures.rate(), figures.eta()));
    }

    @Override
    public void finished(SeedPhase phase, long total) {
        long now = now();
        print(String.format(Locale.ROOT, "%s: %d/%d done in %s, %.0f/s", phase.label(), total, total,
                ProgressFigures.seconds(sincePhaseStarted(now)), figures(total, total, now).rate()));
    }

    private static long tenth(long done, long total) {
        return total == 0 ? 10 : done * 10 / total;
    }

    private void print(String line) {
        out.println(line);
        out.flush();
    }
}
