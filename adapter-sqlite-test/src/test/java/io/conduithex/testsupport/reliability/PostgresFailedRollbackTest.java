package io.conduithex.testsupport.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.kit.DatabasePerTest;
import io.conduithex.testsupport.kit.LogRecorder;
import io.conduithex.testsupport.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rollback that throws (its connection died under the failing work) must not hide why the work failed: the
 * caller gets the original error, the broken connection is never lent again, and the log says it once.
 */
class PostgresFailedRollbackTest {
    @RegisterExtension
    final DatabasePerTest<PostgresTestDatabase> fresh = new DatabasePerTest<>(
            () -> PostgresTestDatabase.create(1, Duration.ofSeconds(2), Duration.ofSeconds(10)));
    private PostgresTestDatabase database;

    @BeforeEach
    void open() {
        database = fresh.database();
    }

    @Test
    void theOriginalFailureReachesTheCallerAndTheConnectionIsDiscarded() throws Exception {
        var unitOfWork = database.persistence().unitOfWork();
        Throwable thrown;
        try (var logs = LogRecorder.of("io.conduithex.adapter.jdbi")) {
            thrown = catchThrowable(() -> unitOfWork.inTransaction(TransactionSpec.readWrite("doomed"), tx -> {
                tx.users().insert(newUser("doomed"));
                terminateTheApplicationsBackends();
                throw new IllegalArgumentException("the original failure");
            }));

            assertThat(logs.lines()).filteredOn(line -> line.contains("Rollback failed")).singleElement()
                    .satisfies(line -> assertThat(line).startsWith("WARN ")
                            .contains("discarding the connection"));
            assertThat(logs.lines()).noneMatch(line -> line.contains("Closing a handle failed"));
        }

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("the original failure");
        assertThat(thrown.getSuppressed()).hasSize(1);
        // The pool's only connection was the broken one: the next unit of work gets a new, working one.
        var stored = unitOfWork.inTransaction(TransactionSpec.readWrite("after"), tx -> {
            tx.users().insert(newUser("after"));
            return tx.users().findByUsername(new Username("doomed")).isPresent();
        });
        assertThat(stored).isFalse();
    }

    private void terminateTheApplicationsBackends() {
        try (Connection admin = database.server().connectAsAdmin();
             var terminate = admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     + " WHERE application_name = 'conduit' AND datname = ?")) {
            terminate.setString(1, databaseName());
            terminate.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String databaseName() {
        String url = database.url();
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        return query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
    }

    private static NewUser newUser(String name) {
        return new NewUser(new Email(name + "@example.com"), new Username(name), new PasswordHash("hash"));
    }
}
