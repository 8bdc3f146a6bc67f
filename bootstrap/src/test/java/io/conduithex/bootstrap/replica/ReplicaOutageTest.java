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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A replica that stops under a steady read load: no client sees an error, readiness stays up while health and the
 * admin view call it degraded, and it serves reads again by itself once it is back.
 */
@ExtendWith(CapturedLogs.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReplicaOutageTest {
    private static final String ADMIN_TOKEN = "replica-outage-admin-token-long-enough";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OwnedPostgres primary;
    private static OwnedPostgres standby;
    private static Conduit app;
    private static HttpCalls http;

    @BeforeAll
    static void start() {
        primary = OwnedPostgres.launch();
        String database = primary.createDatabase();
        standby = primary.startStandby();
        app = TestApplication.start(TestApplication.config(Map.of(
                AppConfig.DATABASE_URL, primary.url(database),
                AppConfig.DATABASE_USER, primary.user(),
                AppConfig.DATABASE_REPLICA_URLS, standby.url(database),
                AppConfig.ADMIN_TOKEN, ADMIN_TOKEN)));
        http = new HttpCalls(URI.create("http://127.0.0.1:" + app.port()), Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() {
        app.close();
        standby.close();
        primary.close();
    }

    @Test
    void aStoppedReplicaCostsNoClientAnErrorAndServesAgainWhenBack() throws Exception {
        awaitReplica("serving");
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var running = new AtomicBoolean(true);
        Thread[] readers = new Thread[4];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = new Thread(() -> {
                while (running.get()) {
                    int status = http.send(http.request("/api/articles?limit=5")).statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            });
            readers[i].start();
        }
        try {
            Thread.sleep(300);
            standby.stop();
            awaitReplica("unreachable");
            var ready = http.send(http.request("/health/ready"));
            assertThat(ready.statusCode()).as("readiness with the replica down").isEqualTo(200);
            assertThat(ready.body()).contains("degraded: 0 of 1 serving; replica-1 unreachable");
            Thread.sleep(500);
            standby.start();
            long readsBefore = replica().path("readsServed").asLong();
            awaitReplica("serving");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (replica().path("readsServed").asLong() <= readsBefore) {
                assertThat(System.nanoTime()).as("reads return to the replica").isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            running.set(false);
            for (Thread reader : readers) {
                reader.join(15_000);
            }
        }
        assertThat(statuses.keySet()).as("statuses the readers saw: %s", statuses).containsExactly(200);
        assertThat(statuses.get(200).get()).isGreaterThan(20);
    }

    @Test
    void theAdminViewShowsEachReplica() {
        awaitReplica("serving");
        var replica = replica();

        assertThat(replica.path("name").asText()).isEqualTo("replica-1");
        assertThat(replica.path("url").asText()).startsWith("jdbc:postgresql://127.0.0.1:" + standby.port());
        assertThat(replica.path("poolSize").asInt()).isEqualTo(10);
        assertThat(replica.path("replayed").asText()).matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(http.send(http.request("/admin/database/replicas")).statusCode()).as("without the token")
                .isEqualTo(401);
    }

    private static void awaitReplica(String state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!replica().path("state").asText().equals(state)) {
            assertThat(System.nanoTime()).as("replica-1 becomes %s; is %s", state, replica()).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode replica() {
        var response = http.send(http.request("/admin/database/replicas")
                .header("Authorization", "Bearer " + ADMIN_TOKEN));
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            return JSON.readTree(response.body()).path("replicas").path(0);
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }
}
