package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.bootstrap.startup.Conduit;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.kit.CapturedLogs;
import io.conduithex.testsupport.kit.Race;
import io.conduithex.testsupport.postgres.PostgresTestDatabase;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Idempotency keys across two instances on one PostgreSQL: the same keyed request sent to both at once runs once,
 * and a retry through the other instance gets the first one's answer, byte for byte.
 */
@ExtendWith(CapturedLogs.class)
class IdempotencyAcrossInstancesTest {
    private PostgresTestDatabase database;
    private Conduit first;
    private Conduit second;
    private ConduitApi throughFirst;
    private ConduitApi throughSecond;

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        database = PostgresTestDatabase.create();
        var shared = new HashMap<String, String>();
        shared.put(AppConfig.DATABASE_URL, database.url());
        shared.put(AppConfig.DATABASE_USER, database.credentials().getProperty("user"));
        String password = database.credentials().getProperty("password");
        if (password != null) {
            shared.put(AppConfig.DATABASE_PASSWORD, password);
        }
        shared.put(AppConfig.INSTANCES, "2");
        first = TestApplication.start(TestApplication.config(shared));
        second = TestApplication.start(TestApplication.config(shared));
        throughFirst = new ConduitApi(URI.create("http://127.0.0.1:" + first.port()));
        throughSecond = new ConduitApi(URI.create("http://127.0.0.1:" + second.port()));
    }

    @AfterEach
    void stop() {
        try {
            second.close();
            first.close();
        } finally {
            database.close();
        }
    }

    @Test
    void oneKeySentToBothInstancesAtOnceRunsOnceAndEitherReplaysIt() throws Exception {
        var jake = throughFirst.registered("jake");
        String slug = throughFirst.givenAnArticleBy(jake, "Shared");
        String path = "/api/articles/" + slug + "/comments";
        String body = ConduitApi.json(Map.of("comment", Map.of("body", "once across instances")));

        List<Reply> replies = Race.run(20, i -> () ->
                (i % 2 == 0 ? throughFirst : throughSecond).keyed("POST", path, body, jake.token(), "across"));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isIn(201, 409));
        var executed = replies.stream()
                .filter(reply -> reply.status() == 201 && reply.header("Idempotent-Replayed") == null).toList();
        assertThat(executed).hasSize(1);
        for (var api : List.of(throughFirst, throughSecond)) {
            var retry = api.keyed("POST", path, body, jake.token(), "across");
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.body()).isEqualTo(executed.get(0).body());
        }
        assertThat(throughSecond.comments(slug, null).json().get("comments")).hasSize(1);
    }
}
