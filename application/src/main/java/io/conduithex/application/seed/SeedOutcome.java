package io.conduithex.application.seed;

import io.conduithex.domain.seed.SeedRun;
import java.time.Duration;

/** How a seed request ended, short of a failure. */
public sealed interface SeedOutcome {

    /**
     * The run was completed now (started now, or resumed after an interruption).
     *
     * @param written  rows written by this call; fewer than the run's sizes when it resumed
     * @param password what every user of the run logs in with
     */
    record Seeded(SeedRun run, SeedCounts written, Duration took, boolean resumed, String password)
            implements SeedOutcome {
    }

    /** The run had already completed: nothing was written. */
    record AlreadySeeded(SeedRun run) implements SeedOutcome {
    }

    /** An unfinished run with this id was started with other sizes: nothing was written. */
    record DifferentSizes(SeedRun run) implements SeedOutcome {
    }
}
