package io.conduithex.application.seed;

import io.conduithex.application.concurrent.TaskFailures;
import io.conduithex.domain.port.persistence.SeedWriter;
import io.conduithex.domain.port.security.PasswordHasher;
import io.conduithex.domain.seed.SeedArticle;
import io.conduithex.domain.seed.SeedFollow;
import io.conduithex.domain.seed.SeedRun;
import io.conduithex.domain.seed.SeedUser;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The seed use case: fills the database with a realistic, deterministic data set, in batches of one transaction
 * each, reporting progress after every batch.
 *
 * <p>Idempotent per run id: the run's record says how far it got, advanced in the same transaction as each
 * batch, so a second call for a finished run writes nothing, and a call for an interrupted run writes exactly
 * the batches that are missing (the generator gives the same rows again for the same ordinals). Nothing here
 * retries: a failed batch is rolled back and the run can simply be started again.
 */
public final class SeedDatabase {
    private final SeedWriter writer;
    private final PasswordHasher hasher;
    private final Clock clock;

    public SeedDatabase(SeedWriter writer, PasswordHasher hasher, Clock clock) {
        this.writer = writer;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The password every user of run {@code runId} logs in with. */
    public static String passwordOf(String runId) {
        return "seed-" + runId + "-password";
    }

    public SeedOutcome seed(SeedPlan plan, SeedListener listener) {
        long began = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SeedRun run = writer.begin(plan.runId(), plan.users(), plan.articles(), plan.comments(), now);
        if (run.isFinished()) {
            return new SeedOutcome.AlreadySeeded(run);
        }
        if (!run.hasSizes(plan.users(), plan.articles(), plan.comments())) {
            return new SeedOutcome.DifferentSizes(run);
        }
        boolean resumed = run.usersDone() > 0 || run.followersDone() > 0 || run.articlesDone() > 0
                || run.startedAt().isBefore(now);
        String password = passwordOf(plan.runId());
        // One hash for every user: bcrypt is slow by design, and a thousand users would take minutes.
        PasswordHash hash = hasher.hash(new Password(password));
        var generator = new SeedGenerator(plan, run.startedAt(), hash);
        SeedCounts written = writeUsers(plan, run, generator, listener)
                .plus(writeFollows(plan, run, generator, listener))
                .plus(writeArticles(plan, run, generator, listener));
        SeedRun finished = writer.finish(plan.runId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return new SeedOutcome.Seeded(finished, written, Duration.ofNanos(System.nanoTime() - began), resumed,
                password);
    }

    private SeedCounts writeUsers(SeedPlan plan, SeedRun run, SeedGenerator generator, SeedListener listener) {
        int total = plan.users();
        int done = run.usersDone();
        listener.started(SeedPhase.USERS, done, total);
        // The users an earlier, interrupted call wrote: only their ids are needed.
        for (int from = 0; from < done; from += plan.batchSize()) {
            int to = Math.min(done, from + plan.batchSize());
            List<Username> names = new ArrayList<>(to - from);
            for (int ordinal = from; ordinal < to; ordinal++) {
                names.add(generator.username(ordinal));
            }
            generator.knowUsers(from, writer.findUsers(names));
        }
        for (int from = done; from < total; from += plan.batchSize()) {
            int to = Math.min(total, from + plan.batchSize());
            List<SeedUser> users = new ArrayList<>(to - from);
            for (int ordinal = from; ordinal < to; ordinal++) {
                users.add(generator.user(ordinal));
            }
            List<UserId> ids = writer.writeUsers(plan.runId(), from, users);
            generator.knowUsers(from, ids);
            listener.advanced(SeedPhase.USERS, to, total);
        }
        listener.finished(SeedPhase.USERS, total);
        return new SeedCounts(total - done, 0, 0, 0, 0, 0);
    }

    private SeedCounts writeFollows(SeedPlan plan, SeedRun run, SeedGenerator generator, SeedListener listener) {
        int total = plan.users();
        int done = run.followersDone();
        long follows = 0;
        listener.started(SeedPhase.FOLLOWS, done, total);
        for (int from = done; from < total; from += plan.batchSize()) {
            int to = Math.min(total, from + plan.batchSize());
            List<SeedFollow> batch = new ArrayList<>();
            for (int ordinal = from; ordinal < to; ordinal++) {
                batch.addAll(generator.follows(ordinal));
            }
            writer.writeFollows(plan.runId(), from, to, batch);
            follows += batch.size();
            listener.advanced(SeedPhase.FOLLOWS, to, total);
        }
        listener.finished(SeedPhase.FOLLOWS, total);
        return new SeedCounts(0, follows, 0, 0, 0, 0);
    }

    private SeedCounts writeArticles(SeedPlan plan, SeedRun run, SeedGenerator generator, SeedListener listener) {
        int total = plan.articles();
        int done = run.articlesDone();
        long tags = 0;
        long favorites = 0;
        long comments = 0;
        listener.started(SeedPhase.ARTICLES, done, total);
        // The next batch is generated while the database stores this one: generating is CPU work in this
        // process, storing mostly waiting for the database, so the two overlap on a machine with two cores.
        ExecutorService ahead = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "seed-generator");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<List<SeedArticle>> next = done < total
                    ? ahead.submit(() -> articles(generator, done, Math.min(total, done + plan.batchSize()))) : null;
            for (int from = done; from < total; from += plan.batchSize()) {
                int to = Math.min(total, from + plan.batchSize());
                List<SeedArticle> batch = await(next);
                next = to < total ? ahead.submit(() -> articles(generator, to, Math.min(total, to + plan.batchSize())))
                        : null;
                writer.writeArticles(plan.runId(), from, batch);
                for (SeedArticle article : batch) {
                    tags += article.tags().size();
                    favorites += article.favoritedBy().size();
                    comments += article.comments().size();
                }
                listener.advanced(SeedPhase.ARTICLES, to, total);
            }
        } finally {
            ahead.shutdownNow();
        }
        listener.finished(SeedPhase.ARTICLES, total);
        return new SeedCounts(0, 0, total - done, tags, favorites, comments);
    }

    /** Articles {@code from} to {@code to - 1}; reads only what the generator fixed before the phase began. */
    private static List<SeedArticle> articles(SeedGenerator generator, int from, int to) {
        int[] commentCounts = generator.commentsPerArticle(from, to);
        List<SeedArticle> batch = new ArrayList<>(to - from);
        for (int ordinal = from; ordinal < to; ordinal++) {
            batch.add(generator.article(ordinal, commentCounts[ordinal - from]));
        }
        return batch;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating seed data", e);
        } catch (ExecutionException e) {
            throw TaskFailures.unwrap(e);
        }
    }
}
