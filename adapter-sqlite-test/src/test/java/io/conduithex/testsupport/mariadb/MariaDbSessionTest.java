package io.conduithex.testsupport.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.failure.UnexpectedPersistenceException;
import io.conduithex.domain.port.persistence.Isolation;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.kit.DatabasePerTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What MariaDB's sessions run with: the isolation level each unit of work declares (MariaDB's own default,
 * REPEATABLE READ, must never leak in where a unit asks for none), and the limits every pooled connection
 * carries, as the diagnostics report them.
 */
class MariaDbSessionTest {

    @RegisterExtension
    final DatabasePerTest<MariaDbTestDatabase> fresh = new DatabasePerTest<>(MariaDbTestDatabase::create);
    private MariaDbTestDatabase database;
    private User jake;

    @BeforeEach
    void givenJake() {
        database = fresh.database();
        jake = database.persistence().unitOfWork().inTransaction(TransactionSpec.readWrite("arrange"),
                tx -> tx.users().insert(new NewUser(new Email("jake@example.com"), new Username("jake"),
                        new PasswordHash("hash"))));
    }

    @Test
    void aUnitOfWorkThatAsksForNoLevelSeesWhatCommittedAfterItsFirstRead() {
        assertThat(biosSeenAcrossACommitBy(TransactionSpec.readOnly("default-level")))
                .as("read committed, as on PostgreSQL").containsExactly(null, "changed");
    }

    @Test
    void aUnitOfWorkThatAsksForRepeatableReadKeepsTheSnapshotOfItsFirstRead() {
        assertThat(biosSeenAcrossACommitBy(
                TransactionSpec.readOnly("repeatable").withIsolation(Isolation.REPEATABLE_READ)))
                .containsExactly(null, null);
    }

    @Test
    void aUnitOfWorkAfterARepeatableReadOneIsBackAtReadCommitted() {
        biosSeenAcrossACommitBy(TransactionSpec.readOnly("repeatable").withIsolation(Isolation.REPEATABLE_READ));

        assertThat(biosSeenAcrossACommitBy(TransactionSpec.readOnly("default-again")))
                .containsExactly("changed", "changed again");
    }

    @Test
    void aReadOnlyUnitOfWorkIsAReadOnlyTransactionOnTheServer() {
        var write = new NewUser(new Email("jane@example.com"), new Username("jane"), new PasswordHash("hash"));

        assertThatThrownBy(() -> database.persistence().unitOfWork().inTransaction(TransactionSpec.readOnly("reader"),
                tx -> tx.users().insert(write)))
                .isInstanceOf(UnexpectedPersistenceException.class)
                .hasMessageContaining("error 1792");
    }

    @Test
    void everyPooledConnectionCarriesTheStatementAndLockLimitsAndReadCommitted() {
        var report = database.persistence().diagnostics(1).run();

        assertThat(report.dialect()).isEqualTo("mariadb");
        assertThat(report.sections().get("server").toString()).contains("MariaDB");
        // MariaDbTestDatabase.create(): a statement timeout of 10 s, so lock waits of 5 s.
        @SuppressWarnings("unchecked")
        var timeouts = (Map<String, Object>) report.sections().get("timeouts");
        assertThat(timeouts).containsEntry("max_statement_time", "10.000000")
                .containsEntry("innodb_lock_wait_timeout", "5")
                .containsEntry("idle_transaction_timeout", "60")
                .containsEntry("tx_isolation", "READ-COMMITTED");
        @SuppressWarnings("unchecked")
        var indexUsage = (Map<String, Object>) report.sections().get("indexUsage");
        assertThat(indexUsage).containsEntry("reported", false);
    }

    /**
     * Jake's bio read by a unit of work of {@code spec}, then read again after another session changed it and
     * committed: what the first and the second read saw.
     */
    private String[] biosSeenAcrossACommitBy(TransactionSpec spec) {
        return database.persistence().unitOfWork().inTransaction(spec, tx -> {
            String before = bio(tx.users().findById(jake.id()).orElseThrow());
            changeBioElsewhere(before == null ? "changed" : "changed again");
            String after = bio(tx.users().findById(jake.id()).orElseThrow());
            return new String[] {before, after};
        });
    }

    private static String bio(User user) {
        Bio bio = user.bio();
        return bio == null ? null : bio.value();
    }

    private void changeBioElsewhere(String bio) {
        try (Connection other = database.connect();
             PreparedStatement update = other.prepareStatement("UPDATE users SET bio = ? WHERE id = ?")) {
            update.setString(1, bio);
            update.setLong(2, jake.id().value());
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
