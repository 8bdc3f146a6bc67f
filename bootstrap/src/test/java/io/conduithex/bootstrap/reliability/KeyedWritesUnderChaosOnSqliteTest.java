package io.conduithex.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.domain.port.persistence.UnitOfWork;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.conduithex.testsupport.kit.CapturedLogs;
import java.sql.DriverManager;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once keyed writes on SQLite: 240 comments, each retried with its key until it is acknowledged, while a
 * fifth of the commits of the writes (each storing its key's answer) end "outcome unknown" (half of them
 * committed, half not). A file has no connections to kill nor a server to restart; those run on the servers' variants.
 */
@ExtendWith(CapturedLogs.class)
class KeyedWritesUnderChaosOnSqliteTest {
    private CommitFaults faults;

    @RegisterExtension
    final SqliteApplicationExtension app = new SqliteApplicationExtension(TestApplication.launcher(
            TestApplication.config(), new AbstractModule() {
                @Provides
                @Singleton
                UnitOfWork faultyCommits(JdbiPersistence persistence) {
                    faults = new CommitFaults(persistence.unitOfWork(), Set.of("add-comment"),
                            0.1, 0.1);
                    return faults;
                }
            }));

    @Test
    void everyWriteRetriedWithItsKeyThroughLostCommitsIsStoredOnceWithOneAuditEvent() throws Exception {
        var client = new ConduitClient(app.baseUri());
        String token = ConduitClient.tokenOf(client.register("writer"));
        String slug = client.createArticle(token, "Chaos").acknowledged();
        var chaos = new KeyedWritesUnderChaos(client, token, slug);

        var outcome = chaos.sendAll();
        System.out.println(outcome + "; injected: " + faults.committedUnanswered() + " commits unanswered, "
                + faults.neverCommitted() + " never committed");

        assertThat(faults.committedUnanswered()).as("commits that happened unanswered").isPositive();
        assertThat(faults.neverCommitted()).as("commits that never happened").isPositive();
        assertThat(outcome.answers()).containsKey("503");
        try (var database = DriverManager.getConnection(app.databaseUrl())) {
            chaos.assertEachWriteStoredOnceWithOneAuditEvent(database);
        }
    }
}
