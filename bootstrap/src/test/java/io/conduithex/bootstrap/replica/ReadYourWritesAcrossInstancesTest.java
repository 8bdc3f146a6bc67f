package io.conduithex.bootstrap.replica;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.startup.Conduit;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.kit.CapturedLogs;
import io.conduithex.testsupport.kit.HttpCalls;
import io.conduithex.testsupport.postgres.OwnedPostgres;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of the application on one primary and one streaming replica: a client that writes through one and
 * reads through the other with the token it was given always sees its write, while the replica has stopped
 * replaying; one without the token may read the replica's older data, but never older than the lag bound.
 */
@ExtendWith(CapturedLogs.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReadYourWritesAcrossInstancesTest {
    private static final String TOKEN_HEADER = "Consistency-Token";
    private static final Duration LAG_BOUND = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPLICA_READS =
            Pattern.compile("(?m)^conduit_replica_reads_total\\{replica=\"replica-1\"[^}]*} ([0-9.E]+)$");

    private static OwnedPostgres primary;
    private static OwnedPostgres standby;
    private static Conduit first;
    private static Conduit second;
    private static HttpCalls throughFirst;
    private static HttpCalls throughSecond;

    @BeforeAll
    static void startPrimaryReplicaAndTwoInstances() {
        primary = OwnedPostgres.launch();
        String database = primary.createDatabase();
        standby = primary.startStandby();
        AppConfig config = TestApplication.config(Map.of(
                AppConfig.DATABASE_URL, primary.url(database),
                AppConfig.DATABASE_USER, primary.user(),
                AppConfig.DATABASE_REPLICA_URLS, standby.url(database),
                AppConfig.INSTANCES, "2",
                AppConfig.CONSISTENCY_SECRET, "both-instances-share-this-consistency-secret",
                "DB_REPLICA_MAX_LAG_MS", Long.toString(LAG_BOUND.toMillis())));
        first = TestApplication.start(config);
        second = TestApplication.start(config);
        throughFirst = new HttpCalls(URI.create("http://127.0.0.1:" + first.port()), Duration.ofSeconds(10));
        throughSecond = new HttpCalls(URI.create("http://127.0.0.1:" + second.port()), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopEverything() {
        second.close();
        first.close();
        standby.close();
        primary.close();
    }

    @Test
    void aWriteThroughOneInstanceIsAlwaysReadThroughTheOtherWithItsToken() {
        String author = register();
        awaitReadsOnTheReplica();
        standby.execute("SELECT pg_wal_replay_pause()");
        try {
            int stale = 0;
            for (int round = 0; round < 200; round++) {
                var created = createArticle(author, "Round " + round + " " + UUID.randomUUID());
                String token = created.headers().firstValue(TOKEN_HEADER).orElseThrow();
                String slug = body(created).path("article").path("slug").asText();

                var read = throughSecond.send(throughSecond.request("/api/articles/" + slug)
                        .header(TOKEN_HEADER, token));
                if (read.statusCode() != 200) {
                    stale++;
                }
            }
            assertThat(stale).as("reads that missed the write they carried a token for").isZero();
        } finally {
            standby.execute("SELECT pg_wal_replay_resume()");
        }
    }

    @Test
    void withoutTheTokenAReadMaySeeTheReplicasOlderDataButNeverOlderThanTheLagBound() {
        String author = register();
        awaitReadsOnTheReplica();
        standby.execute("SELECT pg_wal_replay_pause()");
        try {
            String slug = body(createArticle(author, "Unseen " + UUID.randomUUID())).path("article").path("slug")
                    .asText();

            assertThat(throughSecond.send(throughSecond.request("/api/articles/" + slug)).statusCode())
                    .as("read from the paused replica, no token").isEqualTo(404);

            long deadline = System.nanoTime() + LAG_BOUND.multipliedBy(4).toNanos();
            int status;
            do {
                sleep(100);
                status = throughSecond.send(throughSecond.request("/api/articles/" + slug)).statusCode();
            } while (status != 200 && System.nanoTime() < deadline);
            assertThat(status).as("read once the replica is further behind than the lag bound").isEqualTo(200);
        } finally {
            standby.execute("SELECT pg_wal_replay_resume()");
        }
    }

    @Test
    void theWriterReadsItsWriteOnTheSameInstanceWithoutEchoingTheToken() {
        String author = register();
        awaitReadsOnTheReplica();
        standby.execute("SELECT pg_wal_replay_pause()");
        try {
            var created = createArticle(author, "Remembered " + UUID.randomUUID());
            assertThat(created.headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie -> assertThat(cookie).startsWith(TOKEN_HEADER + "=").contains("HttpOnly"));
            String slug = body(created).path("article").path("slug").asText();

            var read = throughFirst.send(throughFirst.request("/api/articles/" + slug, author));

            assertThat(read.statusCode()).isEqualTo(200);
        } finally {
            standby.execute("SELECT pg_wal_replay_resume()");
        }
    }

    @Test
    void aForgedTokenIsIgnoredRatherThanRefused() {
        var read = throughSecond.send(throughSecond.request("/api/tags").header(TOKEN_HEADER, "bm9wZQ.AAAA"));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue(TOKEN_HEADER)).isEmpty();
    }

    /** Registers a user through the first instance and returns their API token. */
    private static String register() {
        String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var response = throughFirst.send(throughFirst.request("POST", "/api/users",
                "{\"user\":{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\","
                        + "\"password\":\"password123\"}}", null));
        assertThat(response.statusCode()).isEqualTo(201);
        return body(response).path("user").path("token").asText();
    }

    private static HttpResponse<String> createArticle(String token, String title) {
        var response = throughFirst.send(throughFirst.request("POST", "/api/articles",
                "{\"article\":{\"title\":\"" + title + "\",\"description\":\"d\",\"body\":\"b\"}}", token));
        assertThat(response.statusCode()).isEqualTo(201);
        return response;
    }

    /** Waits until the second instance's replica serves: a read without a token is then counted as the replica's. */
    private static void awaitReadsOnTheReplica() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        double before = replicaReads();
        while (true) {
            throughSecond.send(throughSecond.request("/api/tags"));
            if (replicaReads() > before) {
                return;
            }
            assertThat(System.nanoTime()).as("the replica serves the second instance's reads in time")
                    .isLessThan(deadline);
            sleep(100);
        }
    }

    private static double replicaReads() {
        String metrics = throughSecond.send(throughSecond.request("/metrics")).body();
        var matcher = REPLICA_READS.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
