package io.conduithex.application.seed;

import io.conduithex.domain.port.persistence.SeedWriter;
import io.conduithex.domain.seed.SeedArticle;
import io.conduithex.domain.seed.SeedFollow;
import io.conduithex.domain.seed.SeedRun;
import io.conduithex.domain.seed.SeedUser;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SeedWriter} in memory, with the real one's all-or-nothing batches and progress checks; it can be
 * told to fail a given batch of articles, as a crash or a lost connection would.
 */
final class InMemorySeedWriter implements SeedWriter {
    final List<SeedUser> users = new ArrayList<>();
    final List<SeedFollow> follows = new ArrayList<>();
    final List<SeedArticle> articles = new ArrayList<>();
    private final Map<String, SeedRun> runs = new HashMap<>();
    private final Map<String, Long> idsByUsername = new HashMap<>();
    int writes;
    private int failArticleBatch = -1;
    private int articleBatches;

    /** Makes the {@code n}-th call to {@link #writeArticles} (counting from 1) fail without writing. */
    void failArticleBatch(int n) {
        failArticleBatch = n;
        articleBatches = 0;
    }

    @Override
    public SeedRun begin(String runId, int users, int articles, long comments, Instant startedAt) {
        return runs.computeIfAbsent(runId, id -> new SeedRun(id, users, articles, comments, 0, 0, 0, startedAt, null));
    }

    @Override
    public List<UserId> writeUsers(String runId, int doneBefore, List<SeedUser> batch) {
        SeedRun run = advance(runId, doneBefore, runs.get(runId).usersDone(), doneBefore + batch.size(), 0);
        runs.put(runId, run);
        List<UserId> ids = new ArrayList<>();
        for (SeedUser user : batch) {
            if (idsByUsername.containsKey(user.username().normalized())) {
                throw new IllegalStateException("duplicate username " + user.username());
            }
            users.add(user);
            long id = users.size();
            idsByUsername.put(user.username().normalized(), id);
            ids.add(new UserId(id));
        }
        return ids;
    }

    @Override
    public List<UserId> findUsers(List<Username> usernames) {
        return usernames.stream().map(name -> new UserId(idsByUsername.get(name.normalized()))).toList();
    }

    @Override
    public void writeFollows(String runId, int doneBefore, int doneAfter, List<SeedFollow> batch) {
        runs.put(runId, advance(runId, doneBefore, runs.get(runId).followersDone(), doneAfter, 1));
        follows.addAll(batch);
    }

    @Override
    public void writeArticles(String runId, int doneBefore, List<SeedArticle> batch) {
        articleBatches++;
        if (articleBatches == failArticleBatch) {
            throw new IllegalStateException("the database went away");
        }
        runs.put(runId, advance(runId, doneBefore, runs.get(runId).articlesDone(), doneBefore + batch.size(), 2));
        articles.addAll(batch);
    }

    @Override
    public SeedRun finish(String runId, Instant finishedAt) {
        SeedRun run = runs.get(runId);
        SeedRun finished = new SeedRun(run.runId(), run.users(), run.articles(), run.comments(), run.usersDone(),
                run.followersDone(), run.articlesDone(), run.startedAt(), finishedAt);
        runs.put(runId, finished);
        return finished;
    }

    long comments() {
        return articles.stream().mapToLong(article -> article.comments().size()).sum();
    }

    private SeedRun advance(String runId, int expected, int actual, int after, int which) {
        writes++;
        SeedRun run = runs.get(runId);
        if (expected != actual || run.isFinished()) {
            throw new IllegalStateException("progress is " + actual + ", not " + expected);
        }
        return new SeedRun(run.runId(), run.users(), run.articles(), run.comments(),
                which == 0 ? after : run.usersDone(), which == 1 ? after : run.followersDone(),
                which == 2 ? after : run.articlesDone(), run.startedAt(), run.finishedAt());
    }
}
