package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.application.health.HealthCheck;
import io.conduithex.application.health.HealthChecks;
import io.conduithex.domain.user.UserId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The server's life over a real socket: readiness and health, the bounded request threads, stopping, metrics. */
class WebServerLifecycleTest extends WebServerTest {

    @Test
    void untilReadyTheApiAnswers503WithTheReasonWhileLivenessIsUp() throws Exception {
        readiness.notReady("waiting for the database: connection refused");
        start(WebSettings.defaults());

        var api = send(get("/api/tags"));
        var ready = send(get("/health/ready"));
        var live = send(get("/health/live"));

        assertThat(api.statusCode()).isEqualTo(503);
        assertJson(api);
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.body()).isEqualTo(errorBody(api,
                "{\"server\":[\"is not ready yet: waiting for the database: connection refused\"]}"));
        assertThat(unitOfWork.transactionsStarted()).isZero();
        assertThat(ready.statusCode()).isEqualTo(503);
        assertJson(ready);
        assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"startup\":{\"status\":\"DOWN\","
                + "\"detail\":\"waiting for the database: connection refused\"}}}");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void onceReadyTheApiServesAndReadinessIsUp() throws Exception {
        readiness.notReady("starting");
        start(WebSettings.defaults());
        readiness.ready();

        var ready = send(get("/health/ready"));

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"startup\":{\"status\":\"UP\"}}}");
        send(get("/api/tags"));
        assertThat(unitOfWork.transactionsStarted()).isEqualTo(1);
    }

    @Test
    void requestDurationsAreLoggedInMillisecondsWithOneDecimalRoundedHalfUp() {
        assertThat(RequestLog.tenths(0)).isEqualTo("0.0");
        assertThat(RequestLog.tenths(49_999)).isEqualTo("0.0");
        assertThat(RequestLog.tenths(1_250_000)).isEqualTo("1.3");
        assertThat(RequestLog.tenths(12_345_678_901L)).isEqualTo("12345.7");
    }

    @Test
    void requestsBeyondTheHttpThreadsWaitTheirTurnAndAreAllAnswered() throws Exception {
        unitOfWork.holdAtGate();
        start(WebSettings.defaults().withHttpThreads(WebSettings.MIN_HTTP_THREADS));
        int clients = 3 * WebSettings.MIN_HTTP_THREADS;

        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            inFlight.add(sendAsync(get("/api/profiles/jake")));
        }
        assertThat(unitOfWork.entered.await(10, TimeUnit.SECONDS)).isTrue();
        int held = heldOnceSettled();
        unitOfWork.open();

        // Jetty keeps some of the threads for accepting connections and watching sockets.
        assertThat(held).isBetween(1, WebSettings.MIN_HTTP_THREADS - 1);
        for (var response : inFlight) {
            assertThat(response.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(404);
        }
        assertThat(unitOfWork.transactionsStarted()).isEqualTo(clients);
        assertThat(unitOfWork.mostAtGate()).isEqualTo(held);
    }

    /** How many requests wait at the gate once no more have arrived there for half a second. */
    private int heldOnceSettled() throws InterruptedException {
        int held = unitOfWork.atGate();
        long settledSince = System.nanoTime();
        long deadline = settledSince + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - settledSince < TimeUnit.MILLISECONDS.toNanos(500) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            int now = unitOfWork.atGate();
            if (now != held) {
                held = now;
                settledSince = System.nanoTime();
            }
        }
        return held;
    }

    @Test
    void stoppingRefusesNewConnectionsButLetsARequestInFlightFinish() throws Exception {
        unitOfWork.holdAtGate();
        start(WebSettings.defaults().withShutdownTimeout(Duration.ofSeconds(10)));
        String token = tokens.issue(new UserId(1));

        CompletableFuture<HttpResponse<String>> inFlight = sendAsync(
                request("/api/profiles/jake").header("Authorization", "Token " + token).GET().build());
        assertThat(unitOfWork.entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        awaitNewConnectionsRefused();

        assertThat(stopping).isNotDone();
        unitOfWork.open();
        var response = inFlight.get(10, TimeUnit.SECONDS);
        stopping.get(15, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(errorBody(response, "{\"profile\":[\"not found\"]}"));
    }

    @Test
    void readinessIsDownWith503WhenACheckIsDownAndShowsEveryCheckWithItsLatency() throws Exception {
        var database = new AtomicReference<>(HealthCheck.Result.down("connection refused"));
        var checks = List.<HealthCheck>of(new ScriptedCheck("database", database::get),
                new ScriptedCheck("pool", () -> HealthCheck.Result.up("active 0 of 2")));
        observability = new Observability(new HealthChecks(checks, Duration.ZERO, System::nanoTime), () -> "", meters);
        start(WebSettings.defaults());

        var down = send(get("/health/ready"));
        database.set(HealthCheck.Result.up(null));
        var up = send(get("/health/ready"));

        assertThat(down.statusCode()).isEqualTo(503);
        assertJson(down);
        assertThat(down.body()).matches("\\{\"status\":\"DOWN\",\"checks\":\\{\"startup\":\\{\"status\":\"UP\"},"
                + "\"database\":\\{\"status\":\"DOWN\",\"latencyMs\":\\d+,\"detail\":\"connection refused\"},"
                + "\"pool\":\\{\"status\":\"UP\",\"latencyMs\":\\d+,\"detail\":\"active 0 of 2\"}}}");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).startsWith("{\"status\":\"UP\",");
    }

    @Test
    void metricsServeTheScrapeAsPrometheusText() throws Exception {
        observability = new Observability(new HealthChecks(List.of()), () -> "conduit_up 1\n", meters);
        start(WebSettings.defaults());

        var response = send(get("/metrics"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).isEqualTo("conduit_up 1\n");
    }

    @Test
    void everyRequestIsTimedByMethodRouteTemplateAndStatusNeverByRawPath() throws Exception {
        start(WebSettings.defaults());

        send(get("/api/profiles/jake"));
        send(get("/api/profiles/finn"));
        send(get("/api/no-such/route"));

        awaitRequests("GET", "/api/profiles/{username}", "404", 2);
        awaitRequests("GET", "unmatched", "404", 1);
        assertThat(meters.find("http.server.requests").timers()).noneSatisfy(timer -> assertThat(
                timer.getId().getTag("route")).contains("jake"));
    }
}
