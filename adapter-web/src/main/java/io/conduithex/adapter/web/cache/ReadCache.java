package io.conduithex.adapter.web.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import io.conduithex.domain.port.persistence.ChangeListener;
import io.conduithex.domain.port.persistence.CommittedChanges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Encoded answers to anonymous reads, kept in memory (Caffeine, bounded by weight) and dropped by what units of work
 * commit. The guarantees:
 *
 * <ul>
 *   <li>A commit this instance reports (synchronously, before the writer is answered) is never followed by an
 *       answer from before it: each answer carries the {@link Generations generation} taken before its read
 *       began, and is served only while nothing it depends on changed since.</li>
 *   <li>Another instance's commit is heard within milliseconds while the {@linkplain ReadCacheSettings.Feed feed}
 *       listens. While it does not (not yet, or lost), nothing is kept or served, and everything kept before is
 *       forgotten.</li>
 *   <li>Whatever happens, no answer is served once {@code maxStaleness} has passed since its read began.</li>
 * </ul>
 *
 * <p>Every kept answer is the JSON written once; callers must not change the bytes they are handed. Hits and misses
 * are counted here, evictions by Caffeine, into one statistics counter that {@link CaffeineCacheMetrics} publishes
 * as {@value #NAME}. Thread-safe.
 */
public final class ReadCache implements ChangeListener {
    /** The cache's name in metrics ({@code cache} tag) and the prefix of its own meters. */
    public static final String NAME = "conduit.read.cache";
    /** Bookkeeping Caffeine keeps per entry, roughly, added to the weight of each. */
    private static final int ENTRY_OVERHEAD_BYTES = 96;

    /** When a read began: the generation and the time, taken before its unit of work. */
    public record Ticket(long generation, long startedNanos) {
    }

    private record Answer(byte[] json, long generation, long startedNanos) {
    }

    private final ReadCacheSettings settings;
    private final Cache<ReadKey, Answer> answers;
    private final ConcurrentStatsCounter stats = new ConcurrentStatsCounter();
    private final Generations generations = new Generations();
    private final Ticker ticker;
    private final Clock clock;
    private final long maxStalenessNanos;
    private final Map<String, Counter> invalidations = new LinkedHashMap<>();
    private final Counter discarded;
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean inTouch;
    private volatile Instant lastConnected;
    private volatile Instant lastLost;
    private volatile String lastProblem;

    /** A cache on the system's clock, its meters in {@code meters}. */
    public ReadCache(ReadCacheSettings settings, MeterRegistry meters) {
        this(settings, meters, Ticker.systemTicker(), Clock.systemUTC(), ForkJoinPool.commonPool());
    }

    /**
     * @param ticker      measures staleness, and Caffeine's expiry with it
     * @param maintenance where Caffeine does its upkeep (evictions); the calling thread makes it predictable
     */
    ReadCache(ReadCacheSettings settings, MeterRegistry meters, Ticker ticker, Clock clock, Executor maintenance) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxStalenessNanos = settings.maxStaleness().toNanos();
        this.inTouch = settings.feed() != ReadCacheSettings.Feed.LISTENING;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(settings.maxBytes())
                .weigher((ReadKey key, Answer answer) ->
                        answer.json.length + key.weight() + ENTRY_OVERHEAD_BYTES)
                .expireAfter(new FromReadStart())
                .ticker(ticker)
                .executor(maintenance)
                .recordStats(() -> stats)
                .build();
        CaffeineCacheMetrics.monitor(meters, answers, NAME);
        for (String scope : new String[] {"everything", "lists", "articles", "comments"}) {
            invalidations.put(scope, Counter.builder(NAME + ".invalidations")
                    .description("Commits heard that changed answers the read cache may keep, by what they changed")
                    .tag("scope", scope)
                    .register(meters));
        }
        this.discarded = Counter.builder(NAME + ".discarded")
                .description("Answers read but not kept: a commit came first, or the read outlasted the bound")
                .register(meters);
        Gauge.builder(NAME + ".bytes", this, cache -> cache.weight())
                .description("Bytes of the answers the read cache keeps, roughly")
                .baseUnit("bytes")
                .register(meters);
        Gauge.builder(NAME + ".feed.in.touch", this, cache -> cache.inTouch ? 1 : 0)
                .description("1 while other instances' commits are heard (or there is nobody else to hear)")
                .register(meters);
    }

    /** Taken before a read's unit of work begins; {@link #keep} wants it back. */
    public Ticket ticket() {
        return new Ticket(generations.current(), ticker.read());
    }

    /** The JSON kept for {@code key}, or null when there is none that may still be served. */
    public byte[] find(ReadKey key) {
        // Through the map view, which records no statistics: an answer found out of date counts as a miss here.
        Answer answer = answers.asMap().get(key);
        if (answer == null) {
            stats.recordMisses(1);
            return null;
        }
        if (!servable(key, answer.generation, answer.startedNanos)) {
            answers.asMap().remove(key, answer);
            stats.recordMisses(1);
            return null;
        }
        stats.recordHits(1);
        return answer.json;
    }

    /** Keeps {@code json}, the 200 answer to {@code key} read under {@code ticket}, unless it may be out of date. */
    public void keep(ReadKey key, Ticket ticket, byte[] json) {
        if (!servable(key, ticket.generation(), ticket.startedNanos())) {
            discarded.increment();
            return;
        }
        answers.put(key, new Answer(json, ticket.generation(), ticket.startedNanos()));
    }

    private boolean servable(ReadKey key, long generation, long startedNanos) {
        // The age is checked here too, not left to Caffeine's expiry alone: the bound must hold to the nanosecond.
        return inTouch && generations.unchangedSince(generation, key)
                && ticker.read() - startedNanos < maxStalenessNanos;
    }

    @Override
    public void committed(CommittedChanges changes) {
        generations.changed(changes);
        if (changes.everything()) {
            invalidations.get("everything").increment();
            return;
        }
        if (changes.lists()) {
            invalidations.get("lists").increment();
        }
        if (!changes.articles().isEmpty()) {
            invalidations.get("articles").increment(changes.articles().size());
        }
        if (!changes.commentsOn().isEmpty()) {
            invalidations.get("comments").increment(changes.commentsOn().size());
        }
    }

    @Override
    public void outOfTouch(String reason) {
        // Closed first, so that no answer is kept from here on; then everything kept is out of date.
        inTouch = false;
        generations.everythingChanged();
        lastLost = clock.instant();
        lastProblem = reason;
        answers.invalidateAll();
    }

    @Override
    public void inTouch() {
        // Whatever was read while out of touch is from an older generation, and is never served.
        generations.everythingChanged();
        connections.incrementAndGet();
        lastConnected = clock.instant();
        inTouch = true;
    }

    /** Bytes kept now, by the weigher's count. */
    long weight() {
        return answers.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    public ReadCacheReport report() {
        var figures = stats.snapshot();
        Map<String, Long> invalidated = new LinkedHashMap<>();
        invalidations.forEach((scope, counter) -> invalidated.put(scope, (long) counter.count()));
        return new ReadCacheReport(true, settings.maxStaleness().toMillis(), settings.maxBytes(),
                answers.estimatedSize(), weight(), figures.hitCount(), figures.missCount(), figures.evictionCount(),
                invalidated, (long) discarded.count(),
                new ReadCacheReport.FeedReport(settings.feed().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        inTouch, connections.get(), Optional.ofNullable(lastConnected), Optional.ofNullable(lastLost),
                        Optional.ofNullable(lastProblem)));
    }

    /** Each answer expires {@code maxStaleness} after its read began, however long the read took to be kept. */
    private final class FromReadStart implements Expiry<ReadKey, Answer> {
        @Override
        public long expireAfterCreate(ReadKey key, Answer answer, long currentTime) {
            return Math.max(0, maxStalenessNanos - (currentTime - answer.startedNanos));
        }

        @Override
        public long expireAfterUpdate(ReadKey key, Answer answer, long currentTime, long currentDuration) {
            return expireAfterCreate(key, answer, currentTime);
        }

        @Override
        public long expireAfterRead(ReadKey key, Answer answer, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
