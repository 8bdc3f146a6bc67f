package io.conduithex.application.seed;

/**
 * Hears how a seed run progresses, for a progress bar or progress lines. Called on the seeding thread, after
 * each committed batch; an implementation must not throw.
 */
public interface SeedListener {

    /** {@code phase} begins with {@code done} of {@code total} already done (by an earlier, interrupted run). */
    void started(SeedPhase phase, long done, long total);

    /** {@code done} of the phase's total are now committed. */
    void advanced(SeedPhase phase, long done, long total);

    /** The phase is complete. */
    void finished(SeedPhase phase, long total);

    /** A listener that ignores everything. */
    SeedListener SILENT = new SeedListener() {
        @Override
        public void started(SeedPhase phase, long done, long total) {
        }

        @Override
        public void advanced(SeedPhase phase, long done, long total) {
        }

        @Override
        public void finished(SeedPhase phase, long total) {
        }
    };
}
