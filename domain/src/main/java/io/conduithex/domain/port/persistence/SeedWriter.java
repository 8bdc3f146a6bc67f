package io.conduithex.domain.port.persistence;

import io.conduithex.domain.seed.SeedArticle;
import io.conduithex.domain.seed.SeedFollow;
import io.conduithex.domain.seed.SeedRun;
import io.conduithex.domain.seed.SeedUser;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.time.Instant;
import java.util.List;

/**
 * Bulk loading of generated data, for the seed command. Each write method is one transaction that stores its
 * batch and advances the run's progress from {@code doneBefore}; if the run's recorded progress is not
 * {@code doneBefore} (another seeder got there first), nothing is written and {@link IllegalStateException}
 * is thrown. A batch is therefore stored exactly once, however often a run is interrupted and resumed.
 *
 * <p>Not for request handling: it bypasses the unit of work and takes the writer connection for each batch.
 * Thread-safe, but a run is meant to be driven by one thread.
 */
public interface SeedWriter {

    /**
     * Records a new run with these sizes, started at {@code startedAt}, or returns the existing record of a run
     * with that id unchanged, whatever its sizes.
     */
    SeedRun begin(String runId, int users, int articles, long comments, Instant startedAt);

    /** Inserts {@code users} and returns their ids, in order. */
    List<UserId> writeUsers(String runId, int doneBefore, List<SeedUser> users);

    /** The ids of existing users, in the order asked; fails if one is missing. */
    List<UserId> findUsers(List<Username> usernames);

    /** Inserts the follows of the users with ordinals {@code doneBefore} to {@code doneAfter - 1}. */
    void writeFollows(String runId, int doneBefore, int doneAfter, List<SeedFollow> follows);

    /** Inserts {@code articles} with their tags (creating missing ones), favorites, counts and comments. */
    void writeArticles(String runId, int doneBefore, List<SeedArticle> articles);

    /** Marks the run finished. */
    SeedRun finish(String runId, Instant finishedAt);
}
