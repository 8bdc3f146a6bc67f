package io.conduithex.domain.seed;

import java.time.Instant;
import java.util.Objects;

/**
 * The record of one seed run: the sizes it was started with, how far it got, and when it finished (null
 * while unfinished). Progress counts are advanced in the same transaction as the rows they count, so after
 * a crash they say exactly which rows exist.
 *
 * @param usersDone    users written, in order of their ordinal
 * @param followersDone users whose follows are written, in order of their ordinal
 * @param articlesDone articles written together with their tags, favorites and comments
 */
public record SeedRun(String runId, int users, int articles, long comments, int usersDone, int followersDone,
                      int articlesDone, Instant startedAt, Instant finishedAt) {

    public SeedRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean isFinished() {
        return finishedAt != null;
    }

    /** Whether this run was started with these sizes. */
    public boolean hasSizes(int users, int articles, long comments) {
        return this.users == users && this.articles == articles && this.comments == comments;
    }
}
