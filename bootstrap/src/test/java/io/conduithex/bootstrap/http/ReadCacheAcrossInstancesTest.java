package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.startup.Conduit;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.kit.CapturedLogs;
import io.conduithex.testsupport.postgres.OwnedPostgres;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances on one PostgreSQL, both with the read cache as configured by default: the reading instance must
 * show every write through the other within the bound, under load, and also while its listening connection is
 * killed again and again, after which it listens again. That it hears the other's commits (NOTIFY in the writing
 * transaction, heard by its LISTEN connection), rather than waiting for its answers to expire, shows in its count of
 * invalidations, and in the figures printed: milliseconds, not the bound.
 */
@ExtendWith(CapturedLogs.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReadCacheAcrossInstancesTest {
    /** READ_CACHE_MAX_STALENESS_MS's default, which both instances run with. */
    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final String READER = "conduit-reader";
    /** The application name of the reading instance's listening connection. */
    private static final String READER_LISTENER = READER + "-listen";
    private static final Pattern DESCRIPTION = Pattern.compile("\"description\":\"version (\\d+)\"");
    private static final int READERS = 4;

    private static OwnedPostgres postgres;
    private static Conduit writing;
    private static Conduit reading;
    private static ConduitApi throughWriter;
    private static ConduitApi throughReader;
    private static AdminCalls readerAdmin;

    private Account jake;
    private String slug;

    @BeforeAll
    static void twoInstancesOnOnePostgres() {
        postgres = OwnedPostgres.launch();
        String database = postgres.createDatabase();
        Map<String, String> shared = Map.of(
                AppConfig.DATABASE_URL, postgres.url(database),
                AppConfig.DATABASE_USER, postgres.user(),
                AppConfig.INSTANCES, "2",
                AppConfig.ADMIN_TOKEN, AdminCalls.TOKEN);
        writing = TestApplication.start(TestApplication.config(shared));
        // The reading instance names its connections apart, so that its listener, and only it, can be killed.
        var readerConfig = TestApplication.config(shared);
        var readerSettings = readerConfig.database().toBuilder().applicationName(READER).build();
        reading = TestApplication.start(readerConfig, binder -> binder.bind(DatabaseSettings.class)
                .toInstance(readerSettings));
        awaitReaderListener();
        throughWriter = new ConduitApi(URI.create("http://127.0.0.1:" + writing.port()));
        throughReader = new ConduitApi(URI.create("http://127.0.0.1:" + reading.port()));
        readerAdmin = new AdminCalls(throughReader);
    }

    @AfterAll
    static void stopEverything() {
        if (reading != null) {
            reading.close();
        }
        if (writing != null) {
            writing.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void anArticleWrittenThroughTheFirstInstance() {
        awaitReaderListening();
        jake = throughWriter.registered("jake" + System.nanoTime() % 1_000_000_000L);
        slug = throughWriter.givenAnArticleBy(jake, "Shared " + System.nanoTime());
        describe(0);
    }

    @Test
    void theOtherInstanceShowsEachCommittedChangeWithinMillisecondsUnderLoad() throws Exception {
        var load = new ReadLoad();
        List<Long> latencies = new ArrayList<>();
        try {
            long hitsBefore = readerHits();
            long heardBefore = readerArticleInvalidations();
            for (int version = 1; version <= 40; version++) {
                // The reading instance keeps the older answer: asked twice, the second time from memory.
                assertThat(descriptionOn(throughReader)).isEqualTo(version - 1);
                assertThat(descriptionOn(throughReader)).isEqualTo(version - 1);
                describe(version);
                long acknowledged = System.nanoTime();
                int seen;
                do {
                    seen = descriptionOn(throughReader);
                } while (seen != version && System.nanoTime() - acknowledged < BOUND.multipliedBy(5).toNanos());
                latencies.add(System.nanoTime() - acknowledged);
                assertThat(seen).as("version %d on the reading instance", version).isEqualTo(version);
            }
            assertThat(readerHits() - hitsBefore).as("answers the reading instance served from memory")
                    .isGreaterThanOrEqualTo(40);
            assertThat(readerArticleInvalidations() - heardBefore).as("the other instance's commits it heard")
                    .isGreaterThanOrEqualTo(40);
        } finally {
            load.stop();
        }
        Collections.sort(latencies);
        long median = latencies.get(latencies.size() / 2);
        long worst = latencies.get(latencies.size() - 1);
        System.out.printf("[conduit-test] read cache across instances: a write through one instance showed on the"
                + " other after %.1f ms (median), %.1f ms (worst of %d), with %d readers on it%n",
                median / 1e6, worst / 1e6, latencies.size(), READERS);
        assertThat(Duration.ofNanos(worst)).isLessThanOrEqualTo(BOUND);
        assertThat(load.errors.get()).as("failed reads under load").isZero();
        throughReader.assertNoServerErrors();
        throughWriter.assertNoServerErrors();
    }

    @Test
    void killingTheListeningConnectionNeverLeavesAnAnswerStaleBeyondTheBound() throws Exception {
        long connectionsBefore = readerAdmin.call(AdminCalls.READ_CACHE).json().at("/feed/connections").asLong();
        var load = new ReadLoad();
        var acknowledged = new ConcurrentHashMap<Integer, Long>();
        var writer = Executors.newSingleThreadExecutor();
        var writing = new AtomicBoolean(true);
        Future<Integer> writes = writer.submit(() -> {
            int version = 0;
            while (writing.get()) {
                version++;
                describe(version);
                acknowledged.put(version, System.nanoTime());
            }
            return version;
        });
        int kills = 0;
        try {
            for (int i = 0; i < 6; i++) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(400));
                if (postgres.terminateBackend(awaitReaderListener())) {
                    kills++;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(400));
        } finally {
            writing.set(false);
            writes.get(30, TimeUnit.SECONDS);
            writer.shutdown();
            load.stop();
        }

        long worst = 0;
        int staleReads = 0;
        for (Read read : load.reads) {
            Long newer = acknowledged.get(read.version + 1);
            if (newer != null && newer < read.startedAt) {
                staleReads++;
                worst = Math.max(worst, read.startedAt - newer);
            }
        }
        System.out.printf("[conduit-test] read cache with its listening connection killed %d times: %d reads, %d"
                + " older than a write already acknowledged, by at most %.1f ms%n",
                kills, load.reads.size(), staleReads, worst / 1e6);
        assertThat(kills).isEqualTo(6);
        assertThat(load.reads).hasSizeGreaterThan(100);
        assertThat(Duration.ofNanos(worst)).as("the stalest answer the reading instance served").isLessThan(BOUND);
        assertThat(load.errors.get()).as("failed reads under load").isZero();

        // Connected may still read true for a moment after the last kill, until the listener notices it: wait for
        // the reconnection itself, each kill's, bounded.
        var feed = awaitReconnections(connectionsBefore + kills);
        assertThat(feed.at("/connected").asBoolean()).as("listening again").isTrue();
        assertThat(feed.at("/connections").asLong() - connectionsBefore).as("listening again after each kill")
                .isGreaterThanOrEqualTo(kills);
        assertThat(feed.at("/lastProblem").asText()).isNotEmpty();
        assertThat(feed.at("/lastLostAt").asText()).matches(ConduitApi.TIMESTAMP);
        throughReader.assertNoServerErrors();
        throughWriter.assertNoServerErrors();
    }

    /** One anonymous read of the article on the reading instance: when it began, and the version it showed. */
    private record Read(long startedAt, int version) {
    }

    /** Anonymous readers of the article (and the front page) on the reading instance, until stopped. */
    private final class ReadLoad {
        final List<Read> reads = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong errors = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads = Executors.newFixedThreadPool(READERS);
        private final List<Future<?>> readers = new ArrayList<>();

        ReadLoad() {
            for (int i = 0; i < READERS; i++) {
                boolean pages = i % 2 == 1;
                readers.add(threads.submit(() -> {
                    while (running.get()) {
                        long startedAt = System.nanoTime();
                        var reply = pages ? throughReader.articles("?limit=20", null)
                                : throughReader.article(slug, null);
                        if (reply.status() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (!pages) {
                            reads.add(new Read(startedAt, version(reply.body())));
                        }
                    }
                }));
            }
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> reader : readers) {
                reader.get(30, TimeUnit.SECONDS);
            }
            threads.shutdown();
        }
    }

    private void describe(int version) {
        var reply = throughWriter.updateArticle(jake.token(), slug,
                "{\"description\":\"version " + version + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private int descriptionOn(ConduitApi api) {
        var reply = api.article(slug, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return version(reply.body());
    }

    private static int version(String body) {
        Matcher matcher = DESCRIPTION.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static long readerArticleInvalidations() {
        return readerAdmin.call(AdminCalls.READ_CACHE).json().at("/invalidations/articles").asLong();
    }

    private static long readerHits() {
        return readerAdmin.call(AdminCalls.READ_CACHE).json().at("/hits").asLong();
    }

    /** Waits (bounded) until the reading instance listens for other instances' changes. */
    private static void awaitReaderListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!readerAdmin.call(AdminCalls.READ_CACHE).json().at("/feed/connected").asBoolean()) {
            assertThat(System.nanoTime()).as("the reading instance listens again in time").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** The reading instance's feed once it has connected {@code connections} times in all and listens (bounded). */
    private static JsonNode awaitReconnections(long connections) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            var feed = readerAdmin.call(AdminCalls.READ_CACHE).json().at("/feed");
            if (feed.at("/connections").asLong() >= connections && feed.at("/connected").asBoolean()) {
                return feed;
            }
            assertThat(System.nanoTime()).as("%d connections of the listener in time", connections)
                    .isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Waits (bounded) until the reading instance's listening connection is open; its pid. */
    private static int awaitReaderListener() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            List<Integer> pids = postgres.backends(READER_LISTENER).stream().map(OwnedPostgres.Backend::pid).toList();
            if (pids.size() == 1) {
                return pids.get(0);
            }
            assertThat(System.nanoTime()).as("the reader's listening connection in time").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
