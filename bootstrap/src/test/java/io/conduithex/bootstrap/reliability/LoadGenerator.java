package io.conduithex.bootstrap.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady, bounded, mixed load on the application: {@code threads} clients, each registered with an article of
 * its own before the load starts, cycling through register, create article, comment, list articles and get
 * article, one request every {@code pace} at most. Each client stops after {@code maxRequestsPerThread}
 * requests, at the deadline ({@code maxDuration} after {@link #start()}), or at {@link #stop()}, whichever
 * comes first, so the load always ends by itself. Every request is recorded as a {@link Call}, with what a
 * write acknowledged, for the test to judge afterwards.
 *
 * <p>Not reusable: start once, stop once. {@link #awaitSuccesses} and {@link #calls()} may be called from
 * any thread while it runs.
 */
final class LoadGenerator implements AutoCloseable {

    private static final Operation[] MIX = {
        Operation.CREATE_ARTICLE, Operation.GET_ARTICLE, Operation.COMMENT, Operation.LIST_ARTICLES,
        Operation.REGISTER,
    };

    private final ConduitClient client;
    private final int threads;
    private final Duration maxDuration;
    private final int maxRequestsPerThread;
    private final Duration pace;
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final List<Call> setup = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;

    LoadGenerator(ConduitClient client, int threads, Duration maxDuration, int maxRequestsPerThread, Duration pace) {
        this.client = client;
        this.threads = threads;
        this.maxDuration = maxDuration;
        this.maxRequestsPerThread = maxRequestsPerThread;
        this.pace = pace;
    }

    /** Registers the clients and their first articles (these must succeed), then starts the load. */
    void start() {
        if (!workers.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        List<String> tokens = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Call registration = client.register("author" + t);
            String token = ConduitClient.tokenOf(registration);
            Call article = client.createArticle(token, "First of author " + t);
            if (article.status() != 201) {
                throw new AssertionError("setting up the load failed: " + article);
            }
            setup.add(registration);
            setup.add(article);
            tokens.add(token);
            slugs.add(article.acknowledged());
        }
        long deadline = System.nanoTime() + maxDuration.toNanos();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> run(thread, tokens.get(thread), slugs.get(thread), deadline),
                    "load-" + t);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
    }

    private void run(int thread, String token, String firstSlug, long deadline) {
        String slug = firstSlug;
        for (int i = 0; i < maxRequestsPerThread && !stopping && System.nanoTime() - deadline < 0; i++) {
            long started = System.nanoTime();
            Operation operation = MIX[(i + thread) % MIX.length];
            Call call = switch (operation) {
                case REGISTER -> client.register("t" + thread + "-user" + i);
                case CREATE_ARTICLE -> client.createArticle(token, "Load " + thread + " number " + i);
                case COMMENT -> client.comment(token, slug, "Comment " + i + " of client " + thread);
                case LIST_ARTICLES -> client.listArticles();
                case GET_ARTICLE -> client.article(slug);
                case OTHER -> throw new IllegalStateException("not in the mix: " + operation);
            };
            calls.add(call);
            if (operation == Operation.CREATE_ARTICLE && call.acknowledged() != null) {
                slug = call.acknowledged();
            }
            long rest = pace.toNanos() - (System.nanoTime() - started);
            if (rest > 0) {
                LockSupport.parkNanos(rest);
            }
        }
    }

    /**
     * Waits until {@code count} requests that started at or after {@code sinceNanos} have succeeded, so that a
     * test moves on once the load has demonstrably made progress rather than after a guessed delay.
     */
    void awaitSuccesses(int count, long sinceNanos, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long successes = calls.stream().filter(call -> call.startedAtOrAfter(sinceNanos) && call.succeeded())
                    .count();
            if (successes >= count) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the load made " + successes + " successful requests, not " + count
                        + ", within " + timeout.toMillis() + " ms; latest: " + latest(5));
            }
            if (workers.stream().noneMatch(Thread::isAlive)) {
                throw new AssertionError("the load ended before making " + count + " successful requests; latest: "
                        + latest(5));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Stops the clients and waits for them (bounded), then returns every request of the load, oldest first. */
    List<Call> stop() {
        stopping = true;
        long deadline = System.nanoTime() + ConduitClient.REQUEST_TIMEOUT.plusSeconds(5).toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (worker.isAlive()) {
                throw new AssertionError(worker.getName() + " did not finish its request in time");
            }
        }
        return calls();
    }

    /** The requests so far, oldest first; setup excluded. */
    List<Call> calls() {
        List<Call> sorted = new ArrayList<>(calls);
        sorted.sort(Comparator.comparingLong(Call::startedNanos));
        return sorted;
    }

    /** The registrations and first articles made before the load started, all acknowledged. */
    List<Call> setup() {
        return List.copyOf(setup);
    }

    /** One line for the test's output: how many requests, by status, and the longest. */
    static String summary(String scenario, List<Call> calls) {
        var byStatus = new TreeMap<Integer, Long>();
        calls.forEach(call -> byStatus.merge(call.status(), 1L, Long::sum));
        long longest = calls.stream().mapToLong(call -> call.duration().toMillis()).max().orElse(0);
        return "[conduit-test] " + scenario + ": " + calls.size() + " requests, by status " + byStatus
                + ", longest " + longest + " ms";
    }

    private List<Call> latest(int count) {
        List<Call> all = calls();
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    @Override
    public void close() {
        if (!stopping) {
            stop();
        }
    }
}
