package io.conduithex.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.testsupport.kit.StoredRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StandbyTest {
    private static OwnedPostgres primary;
    private static OwnedPostgres standby;

    @BeforeAll
    static void startPrimaryAndStandby() {
        long started = System.nanoTime();
        primary = OwnedPostgres.launch();
        standby = primary.startStandby();
        System.out.printf("[conduit-test] primary and streaming standby ready in %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        primary.execute("CREATE TABLE notes (id int PRIMARY KEY)");
    }

    @AfterAll
    static void stopBoth() {
        standby.close();
        primary.close();
    }

    @Test
    void aCommittedRowReachesTheStandby() {
        primary.execute("INSERT INTO notes VALUES (1)");

        awaitReplayed();
        assertThat(countOn(standby, "SELECT count(*) FROM notes WHERE id = 1")).isEqualTo(1);
    }

    @Test
    void theStandbyIsReadOnlyAndInRecovery() throws SQLException {
        assertThat(countOn(standby, "SELECT CASE WHEN pg_is_in_recovery() THEN 1 ELSE 0 END")).isEqualTo(1);
        try (Connection session = standby.connect("postgres")) {
            assertThatThrownBy(() -> session.createStatement().execute("INSERT INTO notes VALUES (99)"))
                    .hasMessageContaining("read-only transaction");
        }
    }

    @Test
    void aPausedReplayHoldsBackNewRowsUntilItResumes() {
        standby.execute("SELECT pg_wal_replay_pause()");
        try {
            primary.execute("INSERT INTO notes VALUES (2)");

            assertThat(countOn(standby, "SELECT count(*) FROM notes WHERE id = 2")).isZero();
        } finally {
            standby.execute("SELECT pg_wal_replay_resume()");
        }
        awaitReplayed();
        assertThat(countOn(standby, "SELECT count(*) FROM notes WHERE id = 2")).isEqualTo(1);
    }

    /** Waits until the standby has replayed everything the primary had written when this was called. */
    private static void awaitReplayed() {
        String target = primary.queryString("SELECT pg_current_wal_insert_lsn()::text");
        long deadline = System.currentTimeMillis() + 10_000;
        while (countOn(standby, "SELECT CASE WHEN pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn THEN 1 ELSE 0 END")
                == 0) {
            assertThat(System.currentTimeMillis()).as("standby replayed %s in time", target).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static long countOn(OwnedPostgres server, String sql) {
        try (Connection session = server.connect("postgres")) {
            return StoredRows.on(session).count(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
