package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.testsupport.SqliteApplicationExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(CapturedLogs.class)
class ConcurrentRegistrationTest {
    private static final int RACERS = 20;

    @RegisterExtension
    final SqliteApplicationExtension app = TestApplication.onFreshSqlite();

    @Test
    void twentySimultaneousRegistrationsOfOneEmailGiveExactlyOneUserAndNineteenFieldErrors() throws Exception {
        var api = new ConduitApi(app.baseUri());
        var ready = new CountDownLatch(RACERS);
        var go = new CountDownLatch(1);
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                String username = "racer" + i;
                replies.add(racers.submit(() -> {
                    ready.countDown();
                    assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
                    return api.register(username, "same@conduit.test", "racing-password");
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();

            List<Reply> results = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                results.add(reply.get(60, TimeUnit.SECONDS));
            }

            assertThat(results).extracting(Reply::status).doesNotContain(500, 503);
            assertThat(results).filteredOn(reply -> reply.status() == 201).hasSize(1);
            assertThat(results).filteredOn(reply -> reply.status() == 422).hasSize(RACERS - 1)
                    .allSatisfy(reply -> assertThat(reply.body())
                            .isEqualTo("{\"errors\":{\"email\":[\"has already been taken\"]}}"));
        } finally {
            racers.shutdownNow();
            assertThat(racers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
