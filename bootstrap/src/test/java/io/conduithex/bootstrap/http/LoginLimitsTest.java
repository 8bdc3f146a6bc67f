package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.conduithex.testsupport.kit.CapturedLogs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two limits on logins, through the real server: password hashing on one thread with one waiting place
 * (a burst is answered 200 or 503 with {@code Retry-After}, the 503 after a pause that holds no HTTP thread;
 * never anything else, never a timeout), and
 * failed logins counted per account and client address (the guessing address gets 429, the owner elsewhere
 * still signs in). A bcrypt cost of 12 keeps each hash busy long enough for a burst to overlap it.
 */
@ExtendWith(CapturedLogs.class)
class LoginLimitsTest {
    private static final int BURST = 12;
    private static final int FAILURE_LIMIT = 3;
    /** PausedRefusals' pause (package-private in adapter-web). */
    private static final Duration REFUSAL_PAUSE = Duration.ofMillis(250);

    @RegisterExtension
    final SqliteApplicationExtension app = new SqliteApplicationExtension(TestApplication.launcher(
            TestApplication.config(Map.of("BCRYPT_COST", "12", "PASSWORD_HASH_THREADS", "1",
                    "PASSWORD_HASH_WAITING", "1", "LOGIN_FAILURE_LIMIT", Integer.toString(FAILURE_LIMIT)))));

    private final ExecutorService clients = Executors.newFixedThreadPool(BURST);
    private ConduitApi api;
    private Account owner;

    @BeforeEach
    void registerTheOwner() {
        api = new ConduitApi(app.baseUri());
        owner = api.registered("Owner");
        // The first login also makes the decoy hash for unknown e-mails; out of the way before any burst.
        assertThat(api.login(owner.email(), owner.password()).status()).isEqualTo(200);
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void aBurstOfLoginsBeyondTheHashingCapacityIsRefusedWith503AndRetryAfterAfterAPause() throws Exception {
        // Spread over accounts so that no account has more attempts at once than the failure limit allows.
        List<Account> accounts = new ArrayList<>(List.of(owner));
        while (accounts.size() * FAILURE_LIMIT < BURST) {
            accounts.add(api.registered("Burst" + accounts.size()));
        }
        var start = new CountDownLatch(1);
        List<Future<Timed>> replies = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            Account account = accounts.get(i % accounts.size());
            replies.add(clients.submit(() -> {
                start.await();
                long began = System.nanoTime();
                Reply reply = api.login(account.email(), account.password());
                return new Timed(reply, Duration.ofNanos(System.nanoTime() - began));
            }));
        }
        start.countDown();

        int succeeded = 0;
        int refused = 0;
        for (Future<Timed> future : replies) {
            Timed timed = future.get(60, TimeUnit.SECONDS);
            Reply reply = timed.reply();
            if (reply.status() == 200) {
                succeeded++;
            } else {
                ApiTest.assertErrors(reply, 503, Map.of("server",
                        List.of("is busy: password hashing is at capacity, try again shortly")));
                assertThat(reply.header("Retry-After")).isEqualTo("1");
                assertThat(timed.took()).as("a refusal waits out the pause before it is answered")
                        .isGreaterThanOrEqualTo(REFUSAL_PAUSE);
                refused++;
            }
        }
        assertThat(succeeded).as("logins that got a hashing thread or its waiting place").isBetween(1, BURST - 1);
        assertThat(refused).as("logins refused").isEqualTo(BURST - succeeded);
        // Nothing is left held: once the burst is over, a login goes through.
        assertThat(api.login(owner.email(), owner.password()).status()).isEqualTo(200);
        assertThat(api.get("/metrics", null).body())
                .contains("conduit_password_hashing_refused_total " + refused + ".0");
    }

    @Test
    void afterTooManyFailuresTheGuessingAddressGets429WhileTheOwnerElsewhereSignsIn() throws Exception {
        for (int i = 0; i < FAILURE_LIMIT; i++) {
            ApiTest.assertErrors(api.login(owner.email(), "wrong-guess-" + i), 401,
                    Map.of("email or password", List.of("is invalid")));
        }

        long began = System.nanoTime();
        Reply refused = api.login(owner.email(), owner.password());
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("a 429 also waits out the pause")
                .isGreaterThanOrEqualTo(REFUSAL_PAUSE);

        ApiTest.assertErrors(refused, 429, Map.of("login",
                List.of("failed too often from this address, try again later")));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 300);
        assertThat(statusOfLoginFrom("127.0.0.2", owner.email(), owner.password()))
                .as("the owner, from another address").isEqualTo(200);
        var other = api.registered("Bystander");
        assertThat(api.login(other.email(), other.password()).status())
                .as("another account from the guessing address").isEqualTo(200);
        assertThat(api.login(owner.email(), owner.password()).status())
                .as("still refused from the guessing address").isEqualTo(429);
    }

    private record Timed(Reply reply, Duration took) {
    }

    /**
     * A login sent from a socket bound to {@code localAddress} (any of 127.0.0.0/8 reaches the server on
     * loopback), since the JDK's HTTP client cannot choose its source address. Returns the status code.
     */
    private int statusOfLoginFrom(String localAddress, String email, String password) throws IOException {
        byte[] body = ConduitApi.user(Map.of("email", email, "password", password)).getBytes(StandardCharsets.UTF_8);
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", app.baseUri().getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/users/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 ");
            return Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        }
    }
}
