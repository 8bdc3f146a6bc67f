package io.conduithex.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conduithex.bootstrap.reliability.RunningConduit.Limits;
import io.conduithex.testsupport.kit.HttpCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * /health/ready follows the database: UP with every check while the database server runs, DOWN (503, the database check
 * says why) while it is stopped, and UP again once it is back, without restarting the application. Liveness
 * stays UP throughout: a database outage is no reason to restart the process. Every probe answers quickly even
 * while the database is gone, since the ping has its own short timeout.
 */
abstract class ReadinessFollowsTheDatabase extends FaultTest {

    private static final Limits LIMITS = new Limits(2, Duration.ofMillis(3000), Duration.ofMillis(2000));
    /** Generous bound for one probe: the 1 s ping timeout plus scheduling on a busy machine. */
    private static final Duration PROBE_BOUND = Duration.ofSeconds(4);
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpCalls.newClient();

    ReadinessFollowsTheDatabase(FaultServer.Launcher launcher) {
        super(launcher);
    }

    @Test
    void readinessGoesDownWhileTheDatabaseIsStoppedAndUpAgainWhenItReturnsWithoutARestart() throws Exception {
        RunningConduit app = startConduit(LIMITS);
        URI base = app.baseUri();

        JsonNode before = awaitReadiness(base, 200);
        assertThat(before.path("status").asText()).isEqualTo("UP");
        for (String check : new String[] {"startup", "database", "migrations", "pool"}) {
            assertThat(before.path("checks").path(check).path("status").asText()).as(check).isEqualTo("UP");
        }
        assertThat(before.path("checks").path("database").path("latencyMs").isIntegralNumber()).isTrue();

        server.stop();
        JsonNode during = awaitReadiness(base, 503);
        assertThat(during.path("status").asText()).isEqualTo("DOWN");
        assertThat(during.path("checks").path("database").path("status").asText()).isEqualTo("DOWN");
        assertThat(during.path("checks").path("database").path("detail").asText()).isNotBlank();
        assertThat(during.path("checks").path("migrations").path("detail").asText())
                .as("not asked again of a database that just failed the ping")
                .isEqualTo("not checked: the database did not answer the ping");
        assertThat(during.path("checks").path("pool").path("status").asText())
                .as("an idle pool is not exhausted, whatever the database does").isEqualTo("UP");
        assertThat(get(base, "/health/live").statusCode()).isEqualTo(200);

        server.start();
        JsonNode after = awaitReadiness(base, 200);
        assertThat(after.path("checks").path("database").path("status").asText()).isEqualTo("UP");
        assertThat(after.path("checks").path("migrations").path("status").asText()).isEqualTo("UP");
        assertThat(app.client().register("after-the-outage").status()).isEqualTo(201);
    }

    /**
     * Probes until readiness answers {@code status}, as an orchestrator would; each probe must answer within the
     * probe bound, whatever the database is doing. Returns the body of the first matching answer.
     */
    private JsonNode awaitReadiness(URI base, int status) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            long began = System.nanoTime();
            HttpResponse<String> response = get(base, "/health/ready");
            long tookNanos = System.nanoTime() - began;
            assertThat(Duration.ofNanos(tookNanos)).as("one readiness probe").isLessThan(PROBE_BOUND);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
            if (response.statusCode() == status) {
                return JSON.readTree(response.body());
            }
            assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
            assertThat(System.nanoTime() - deadline).as("readiness never answered %d: %s", status, response.body())
                    .isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return HttpCalls.checkedSend(http,
                HttpRequest.newBuilder(base.resolve(path)).timeout(PROBE_BOUND).GET().build());
    }

}
