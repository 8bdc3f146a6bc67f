package io.conduithex.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.testsupport.postgres.OwnedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** doctor on a primary with a streaming replica: one pool-budget line per host, and a promoted replica fails. */
class DoctorReplicaTest {
    private static OwnedPostgres primary;
    private static OwnedPostgres standby;
    private static String database;

    @RegisterExtension
    final CommandLineRun cli = new CommandLineRun();

    @BeforeAll
    static void startPrimaryAndStandby() {
        primary = OwnedPostgres.launch();
        database = primary.createDatabase();
        standby = primary.startStandby();
    }

    @AfterAll
    static void stopBoth() {
        standby.close();
        primary.close();
    }

    @Test
    void eachReplicaGetsAPoolBudgetLineOfItsOwn() {
        configure(standby);

        cli.run("doctor");

        assertThat(cli.outLines()).contains("OK pool budget: DB_POOL_SIZE 10 x INSTANCES 2 = 20 connection(s), 80% of"
                + " max_connections 100 is 80");
        assertThat(cli.outLines()).contains("OK pool budget replica-1: DB_REPLICA_POOL_SIZE 4 x INSTANCES 2 = 8"
                + " connection(s), 80% of max_connections 100 is 80; a hot standby");
    }

    @Test
    void aReplicaThatIsNoStandbyFails() {
        // The primary itself named as a replica: it answers, but it replays nothing.
        configure(primary);

        int exit = cli.run("doctor");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.outLines()).anySatisfy(line -> assertThat(line)
                .startsWith("FAIL pool budget replica-1: DB_REPLICA_POOL_SIZE 4 x INSTANCES 2")
                .endsWith("not a hot standby (pg_is_in_recovery() is false): it was promoted or is another primary"));
    }

    private void configure(OwnedPostgres replica) {
        cli.configure("DATABASE_URL", primary.url(database)).configure("DATABASE_USER", primary.user())
                .configure("DATABASE_REPLICA_URLS", replica.url(database)).configure("DB_REPLICA_POOL_SIZE", "4")
                .configure("INSTANCES", "2")
                .configure("CONSISTENCY_SECRET", "doctor-test-consistency-secret-32-bytes!");
    }
}
