package io.conduithex.adapter.web.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.article.Slug;
import io.conduithex.domain.port.persistence.CommittedChanges;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadCacheTest {
    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final ReadKey DRAGONS = new ReadKey.ArticleView("dragons");
    private static final ReadKey WINGS = new ReadKey.ArticleView("wings");
    private static final ReadKey DRAGONS_COMMENTS = new ReadKey.CommentsOn("dragons");
    private static final ReadKey FRONT_PAGE = new ReadKey.ListPage(20, 0, null, null, null);
    private static final ReadKey JAKE = new ReadKey.Profile("jake");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private ReadCache cache(ReadCacheSettings.Feed feed, long maxBytes) {
        // Caffeine's upkeep on the calling thread, so that evictions have happened when a call returns.
        return new ReadCache(new ReadCacheSettings(BOUND, maxBytes, feed), meters, nanos::get, Clock.systemUTC(),
                Runnable::run);
    }

    private ReadCache cache() {
        return cache(ReadCacheSettings.Feed.SINGLE_INSTANCE, 1 << 20);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void keepNow(ReadCache cache, ReadKey key, String text) {
        cache.keep(key, cache.ticket(), json(text));
    }

    @Test
    void aKeptAnswerIsServedUntilSomethingItDependsOnIsCommitted() {
        var cache = cache();
        keepNow(cache, DRAGONS, "{\"article\":1}");

        assertThat(cache.find(DRAGONS)).isEqualTo(json("{\"article\":1}"));

        cache.committed(CommittedChanges.builder().article(new Slug("dragons")).build());

        assertThat(cache.find(DRAGONS)).isNull();
        assertThat(cache.report().hits()).isEqualTo(1);
        assertThat(cache.report().misses()).isEqualTo(1);
    }

    @Test
    void aReadThatBeganBeforeACommitIsNotKeptEvenWhenItEndsAfterIt() {
        var cache = cache();
        var ticket = cache.ticket();
        // The commit's report lands while the read is still running; the read may have seen the older row.
        cache.committed(CommittedChanges.builder().article(new Slug("dragons")).build());
        cache.keep(DRAGONS, ticket, json("older"));

        assertThat(cache.find(DRAGONS)).isNull();
        assertThat(cache.report().discarded()).isEqualTo(1);

        keepNow(cache, DRAGONS, "newer");
        assertThat(cache.find(DRAGONS)).isEqualTo(json("newer"));
    }

    @Test
    void aCommitDropsWhatItMayHaveChangedAndNothingElse() {
        var cache = cache();
        for (ReadKey key : new ReadKey[] {DRAGONS, WINGS, DRAGONS_COMMENTS, FRONT_PAGE, JAKE}) {
            keepNow(cache, key, key.toString());
        }

        cache.committed(CommittedChanges.builder().commentsOn(new Slug("dragons")).build());
        assertThat(cache.find(DRAGONS_COMMENTS)).isNull();
        assertThat(cache.find(DRAGONS)).isNotNull();
        assertThat(cache.find(FRONT_PAGE)).isNotNull();

        cache.committed(CommittedChanges.builder().article(new Slug("dragons")).build());
        assertThat(cache.find(DRAGONS)).isNull();
        assertThat(cache.find(FRONT_PAGE)).as("an article is on the lists").isNull();
        assertThat(cache.find(WINGS)).isNotNull();
        assertThat(cache.find(JAKE)).isNotNull();

        cache.committed(CommittedChanges.EVERYTHING);
        assertThat(cache.find(WINGS)).isNull();
        assertThat(cache.find(JAKE)).isNull();
    }

    @Test
    void twoQuestionsThatDifferInAnyParameterNeverShareAnAnswer() {
        var cache = cache();
        keepNow(cache, new ReadKey.ListPage(20, 0, null, null, null), "everyone");

        assertThat(cache.find(new ReadKey.ListPage(20, 0, "", null, null))).isNull();
        assertThat(cache.find(new ReadKey.ListPage(20, 0, null, "", null))).isNull();
        assertThat(cache.find(new ReadKey.ListPage(20, 1, null, null, null))).isNull();
        assertThat(cache.find(new ReadKey.ListPage(10, 0, null, null, null))).isNull();
        assertThat(cache.find(new ReadKey.ArticleView("feed"))).isNull();
        assertThat(cache.find(new ReadKey.ListPage(20, 0, null, null, null))).isEqualTo(json("everyone"));
    }

    @Test
    void anAnswerExpiresTheBoundAfterItsReadBeganHoweverLongTheReadTook() {
        var cache = cache();
        var ticket = cache.ticket();
        nanos.addAndGet(Duration.ofMillis(600).toNanos());
        cache.keep(DRAGONS, ticket, json("read slowly"));

        nanos.addAndGet(Duration.ofMillis(399).toNanos());
        assertThat(cache.find(DRAGONS)).as("999 ms after the read began").isNotNull();

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.find(DRAGONS)).as("1000 ms after the read began").isNull();
    }

    @Test
    void aReadThatOutlastsTheBoundIsNotKept() {
        var cache = cache();
        var ticket = cache.ticket();
        nanos.addAndGet(BOUND.toNanos());
        cache.keep(DRAGONS, ticket, json("too old already"));

        assertThat(cache.find(DRAGONS)).isNull();
        assertThat(cache.report().discarded()).isEqualTo(1);
    }

    @Test
    void theAnswersKeptNeverWeighMoreThanTheBound() {
        long maxBytes = 20_000;
        var cache = cache(ReadCacheSettings.Feed.SINGLE_INSTANCE, maxBytes);
        byte[] body = new byte[1_000];
        for (int i = 0; i < 200; i++) {
            cache.keep(new ReadKey.ArticleView("article-" + i), cache.ticket(), body);
            assertThat(cache.weight()).isLessThanOrEqualTo(maxBytes);
        }

        var report = cache.report();
        assertThat(report.bytes()).isPositive().isLessThanOrEqualTo(maxBytes);
        assertThat(report.entries()).isLessThan(20);
        assertThat(report.evictions()).isGreaterThanOrEqualTo(180);
    }

    @Test
    void whileOutOfTouchWithOtherInstancesNothingIsKeptOrServed() {
        var cache = cache(ReadCacheSettings.Feed.LISTENING, 1 << 20);
        keepNow(cache, DRAGONS, "before listening");
        assertThat(cache.find(DRAGONS)).as("not listening yet").isNull();

        var readWhileDeaf = cache.ticket();
        cache.inTouch();
        cache.keep(DRAGONS, readWhileDeaf, json("read before listening began"));
        assertThat(cache.find(DRAGONS)).isNull();

        keepNow(cache, DRAGONS, "heard");
        assertThat(cache.find(DRAGONS)).isEqualTo(json("heard"));

        cache.outOfTouch("connection reset");
        assertThat(cache.find(DRAGONS)).isNull();
        keepNow(cache, DRAGONS, "while deaf");
        assertThat(cache.find(DRAGONS)).isNull();

        cache.inTouch();
        keepNow(cache, DRAGONS, "heard again");
        assertThat(cache.find(DRAGONS)).isEqualTo(json("heard again"));
        var feed = cache.report().feed();
        assertThat(feed.kind()).isEqualTo("listening");
        assertThat(feed.inTouch()).isTrue();
        assertThat(feed.connections()).isEqualTo(2);
        assertThat(feed.lastProblem()).contains("connection reset");
    }

    @Test
    void hitsMissesAndInvalidationsAreMetered() {
        var cache = cache();
        keepNow(cache, FRONT_PAGE, "page");
        cache.find(FRONT_PAGE);
        cache.find(DRAGONS);
        cache.committed(CommittedChanges.builder().lists().build());

        assertThat(meters.get("cache.gets").tag("cache", ReadCache.NAME).tag("result", "hit").functionCounter()
                .count()).isEqualTo(1);
        assertThat(meters.get("cache.gets").tag("cache", ReadCache.NAME).tag("result", "miss").functionCounter()
                .count()).isEqualTo(1);
        assertThat(meters.get(ReadCache.NAME + ".invalidations").tag("scope", "lists").counter().count())
                .isEqualTo(1);
        assertThat(meters.get(ReadCache.NAME + ".bytes").gauge().value()).isPositive();
    }
}
