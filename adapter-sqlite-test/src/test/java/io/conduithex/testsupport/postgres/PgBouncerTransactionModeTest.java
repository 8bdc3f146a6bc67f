package io.conduithex.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.Pooler;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.failure.QueryTimeoutException;
import io.conduithex.domain.port.persistence.Isolation;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.kit.StoredRows;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The application's connections through PgBouncer in transaction mode ({@code DATABASE_POOLER=pgbouncer}): they
 * migrate, read and write; a statement is still cancelled at the statement timeout, though no startup option can
 * carry it; and what a transaction sets stays in that transaction, never reaching PgBouncer's next client.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PgBouncerTransactionModeTest {
    private static final Duration STATEMENT_TIMEOUT = Duration.ofMillis(500);
    private static final TransactionSpec WRITE = TransactionSpec.readWrite("pgbouncer-test-write");

    private static OwnedPostgres postgres;
    private static PgBouncer bouncer;
    private static String database;
    private static JdbiPersistence persistence;

    @BeforeAll
    static void startServerBouncerAndPersistence() {
        postgres = OwnedPostgres.launch();
        database = postgres.createDatabase();
        bouncer = PgBouncer.inTransactionModeBefore(postgres);
        persistence = JdbiPersistence.open(settings(Pooler.PGBOUNCER), new SimpleMeterRegistry());
        persistence.migrate();
    }

    @AfterAll
    static void stopAll() {
        persistence.close();
        bouncer.close();
        postgres.close();
    }

    @Test
    void writesAndReadsGoThroughAfterMigratingThroughIt() {
        persistence.unitOfWork().inTransaction(WRITE, tx -> tx.users().insert(user("jake")));

        var found = persistence.unitOfWork().inTransaction(TransactionSpec.readOnly("pgbouncer-test-read"),
                tx -> tx.users().findByEmail(new Email("jake@example.com")));

        assertThat(found).isPresent();
    }

    @Test
    void aStatementBlockedPastTheTimeoutIsCancelledThoughNoStartupOptionCarriedIt() throws SQLException {
        try (Connection locker = postgres.connect(database); var lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");

            long began = System.nanoTime();
            assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(WRITE,
                    tx -> tx.users().insert(user("blocked"))))
                    .isInstanceOf(QueryTimeoutException.class);
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            locker.rollback();

            assertThat(waitedMillis).as("waited for the lock until the statement timeout")
                    .isGreaterThanOrEqualTo(STATEMENT_TIMEOUT.toMillis())
                    .isLessThan(STATEMENT_TIMEOUT.multipliedBy(4).toMillis());
        }
    }

    @Test
    void whatATransactionSetsNeverReachesTheNextClientOfItsServerConnection() throws SQLException {
        for (int i = 0; i < 10; i++) {
            persistence.unitOfWork().inTransaction(TransactionSpec.readWrite("pgbouncer-test-serializable")
                    .withIsolation(Isolation.SERIALIZABLE), tx -> tx.users().findByEmail(new Email("x@example.com")));
        }
        // A plain client of the same PgBouncer, on the server connections the application just used.
        try (Connection client = DriverManager.getConnection(bouncer.url(database) + "?prepareThreshold=0",
                OwnedPostgres.USER, null)) {
            var rows = StoredRows.on(client);
            assertThat(rows.text("SHOW statement_timeout")).isEqualTo("0");
            assertThat(rows.text("SHOW transaction_isolation")).isEqualTo("read committed");
        }
    }

    @Test
    void withoutThePoolerModeTheConnectionIsRefused() {
        try (var direct = JdbiPersistence.open(settings(Pooler.NONE), new SimpleMeterRegistry())) {
            assertThatThrownBy(() -> direct.unitOfWork().inTransaction(WRITE,
                    tx -> tx.users().findByEmail(new Email("x@example.com"))))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasStackTraceContaining("unsupported startup parameter: options");
        }
    }

    private static DatabaseSettings settings(Pooler pooler) {
        return DatabaseSettings.forUrl(bouncer.url(database)).toBuilder()
                .credentials(OwnedPostgres.USER, null)
                .poolSize(2)
                .poolTimeout(Duration.ofMillis(1000))
                .statementTimeout(STATEMENT_TIMEOUT)
                .pooler(pooler)
                .build();
    }

    private static NewUser user(String name) {
        return new NewUser(new Email(name + "@example.com"), new Username(name),
                new PasswordHash("$2a$04$notarealhashnotarealhashnotarealhashnotarealhashnotrea"));
    }
}
