package io.conduithex.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.port.persistence.CommittedChanges;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.CommittedChangesContract;
import io.conduithex.testsupport.kit.RecordedChanges;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract on PostgreSQL, and what only PostgreSQL does: another instance on the same database (a second
 * persistence, as a second server would open) hears each commit through NOTIFY and LISTEN, only if it committed; an
 * instance skips its own notices; a listening connection that is killed says so and listens again.
 */
class PostgresCommittedChangesTest extends CommittedChangesContract {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private JdbiPersistence otherInstance;
    private RecordedChanges heardByTheOther;

    @Override
    protected TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }

    @BeforeEach
    void anotherInstanceListens() {
        var postgres = (PostgresTestDatabase) database;
        otherInstance = JdbiPersistence.open(DatabaseSettings.forUrl(database.url()).toBuilder()
                .credentials(postgres.server().user(), postgres.server().password()).poolSize(2).build(),
                new SimpleMeterRegistry());
        heardByTheOther = new RecordedChanges();
        otherInstance.reportChangesTo(heardByTheOther);
        heardByTheOther.awaitEvent("in touch", 1, WAIT);
        reported.awaitEvent("in touch", 1, WAIT);
    }

    @AfterEach
    void stopTheOtherInstance() {
        otherInstance.close();
    }

    private static boolean names(CommittedChanges changes, String slug) {
        return changes.articles().contains(new Slug(slug));
    }

    @Test
    void anotherInstanceHearsWhatCommittedAndAnInstanceSkipsItsOwnNotices() {
        givenAnArticleBy(registered("celeb"), "Heard");
        heardByTheOther.await(changes -> names(changes, "heard"), WAIT);

        // Its own notice was sent before the other instance's, and notices arrive in commit order.
        otherInstance.unitOfWork().useTransaction(TransactionSpec.readWrite("other"),
                tx -> tx.articles().insert(newArticle(registered("other"), "From elsewhere", nextInstant())));
        reported.await(changes -> names(changes, "from-elsewhere"), WAIT);

        assertThat(reported.take()).as("its own commit once, synchronously; the other's once, heard")
                .filteredOn(changes -> names(changes, "heard")).hasSize(1);
    }

    @Test
    void aTransactionThatRollsBackSendsNothing() {
        var author = registered("doomed");
        assertThatThrownBy(() -> commit(tx -> {
            tx.articles().insert(newArticle(author, "Never", nextInstant()));
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");
        givenAnArticleBy(author, "Later");

        heardByTheOther.await(changes -> names(changes, "later"), WAIT);
        assertThat(heardByTheOther.committed()).noneMatch(changes -> names(changes, "never"));
    }

    @Test
    void aKilledListeningConnectionGoesOutOfTouchThenListensAgain() throws SQLException {
        try (var connection = database.connect(); var statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'conduit-listen' AND datname = current_database()");
        }

        heardByTheOther.awaitEvent("in touch", 2, WAIT);
        assertThat(heardByTheOther.events()).containsSubsequence("in touch", "out of touch", "in touch");
        givenAnArticleBy(registered("after"), "After the kill");
        heardByTheOther.await(changes -> names(changes, "after-the-kill"), WAIT);
    }
}
