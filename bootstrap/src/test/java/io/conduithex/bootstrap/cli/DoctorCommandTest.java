package io.conduithex.bootstrap.cli;

import static io.conduithex.bootstrap.cli.ShippedMigrations.LATEST;
import static io.conduithex.bootstrap.cli.ShippedMigrations.UNSHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DoctorCommandTest {
    @RegisterExtension
    final CommandLineRun cli = new CommandLineRun();

    @Test
    void passesEveryCheckOnAMigratedSqliteDatabase(@TempDir Path folder) {
        cli.configure("DATABASE_URL", "jdbc:sqlite:" + folder.resolve("conduit.db"));
        assertThat(cli.run("setup")).isZero();

        assertThat(cli.run("doctor")).isZero();
        assertThat(cli.outLines()).hasSize(6).allSatisfy(line -> assertThat(line).startsWith("OK "));
        assertThat(cli.outLines()).satisfies(lines -> {
            assertThat(lines.get(0)).matches("OK connectivity: answered in \\d+ ms");
            assertThat(lines.get(1)).matches("OK server version: SQLite 3\\.\\d+\\.\\d+");
            assertThat(lines.get(2)).isEqualTo("OK tls: not applicable (SQLite is a local file)");
            assertThat(lines.get(3)).startsWith("OK pool budget: not applicable");
            assertThat(lines.get(4)).matches("OK clock: database clock is \\d+ ms (ahead of|behind) this machine's "
                    + "\\(limit 2000 ms\\)");
            assertThat(lines.get(5)).isEqualTo("OK migrations: schema version " + LATEST + ", " + LATEST
                    + " applied, 0 pending, 0 failed");
        });
        assertThat(cli.errLines()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CliDatabase.class)
    void failsTheMigrationCheckWhileMigrationsArePending(CliDatabase database) {
        cli.onFresh(database);

        assertThat(cli.run("doctor")).isEqualTo(1);
        assertThat(cli.outLines()).filteredOn(line -> line.startsWith("FAIL ")).containsExactly(
                "FAIL migrations: schema version <empty>, 0 applied, " + LATEST
                        + " pending, 0 failed; run 'conduit migrate'");
        assertThat(cli.errLines()).containsExactly("doctor: 1 check(s) failed");
    }

    @ParameterizedTest
    @EnumSource(CliDatabase.class)
    void failsTheMigrationCheckWhenAMigrationFailedAndPointsAtRepair(CliDatabase database) {
        cli.onFresh(database);
        assertThat(cli.run("setup")).isZero();
        MigrationHistory.recordFailedMigration(cli, UNSHIPPED);

        assertThat(cli.run("doctor")).isEqualTo(1);
        assertThat(cli.outLines()).filteredOn(line -> line.startsWith("FAIL ")).containsExactly(
                "FAIL migrations: schema version " + UNSHIPPED + ", " + LATEST
                        + " applied, 0 pending, 1 failed; run 'conduit repair', then "
                        + "'conduit migrate'");
    }

    @Test
    void failsConnectivityAloneWhenTheSqliteFileIsMissing(@TempDir Path folder) {
        Path database = folder.resolve("conduit.db");
        cli.configure("DATABASE_URL", "jdbc:sqlite:" + database);

        assertThat(cli.run("doctor")).isEqualTo(1);
        assertThat(cli.outLines()).containsExactly("FAIL connectivity: no SQLite database at "
                + database.toAbsolutePath() + "; run 'conduit setup' to create it");
        assertThat(database).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void passesEveryCheckOnAMigratedServerDatabaseWithinThePoolBudget(CliDatabase database) {
        String url = cli.onFresh(database);
        int maxConnections = database.server().maxConnections();
        assertThat(cli.run("migrate")).isZero();
        cli.configure("DB_POOL_SIZE", "10").configure("INSTANCES", "3");

        assertThat(cli.run("doctor")).as(cli.out()).isZero();
        assertThat(cli.outLines()).hasSize(6).allSatisfy(line -> assertThat(line).startsWith("OK "));
        assertThat(cli.outLines()).satisfies(lines -> {
            assertThat(lines.get(1)).matches("OK server version: " + database.server().product() + " \\d+.*");
            assertThat(lines.get(2)).isEqualTo("OK tls: not in use; acceptable, the connection does not leave this "
                    + "machine (" + hostsOf(url) + ")");
            assertThat(lines.get(3)).isEqualTo("OK pool budget: DB_POOL_SIZE 10 x INSTANCES 3 = 30 connection(s), "
                    + "80% of max_connections " + maxConnections + " is " + maxConnections * 80 / 100);
            assertThat(lines.get(5)).isEqualTo("OK migrations: schema version " + LATEST + ", " + LATEST
                    + " applied, 0 pending, 0 failed");
        });
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void failsThePoolBudgetWhenAllInstancesTogetherWouldExceedEightyPercentOfMaxConnections(CliDatabase database) {
        cli.onFresh(database);
        int maxConnections = database.server().maxConnections();
        assertThat(cli.run("migrate")).isZero();
        cli.configure("DB_POOL_SIZE", "100").configure("INSTANCES", "20");

        assertThat(cli.run("doctor")).isEqualTo(1);
        assertThat(cli.outLines()).filteredOn(line -> line.startsWith("FAIL ")).containsExactly(
                "FAIL pool budget: DB_POOL_SIZE 100 x INSTANCES 20 = 2000 connection(s), 80% of max_connections "
                        + maxConnections + " is " + maxConnections * 80 / 100
                        + "; lower DB_POOL_SIZE or raise max_connections");
        assertThat(cli.errLines()).containsExactly("doctor: 1 check(s) failed");
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void failsConnectivityAloneWithTheReasonWhenTheServerIsUnreachable(CliDatabase database) {
        int port = cli.onUnreachable(database);
        cli.configure("DB_POOL_TIMEOUT_MS", "1000");

        assertThat(cli.run("doctor")).isEqualTo(1);
        assertThat(cli.outLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("FAIL connectivity: cannot reach " + database + " database: ")
                .contains("127.0.0.1", String.valueOf(port))
                .containsIgnoringCase("refused")
                .doesNotContain(CommandLineRun.NEVER_PRINTED));
        assertThat(cli.errLines()).containsExactly("doctor: 1 check(s) failed");
    }

    @Test
    void anUnencryptedConnectionToAnotherHostFailsTheTlsCheck() {
        var remote = DoctorCommand.tls("jdbc:postgresql://db.example.com:5432/conduit", false);
        var local = DoctorCommand.tls("jdbc:postgresql://127.0.0.1:5432,localhost/conduit", false);
        var encrypted = DoctorCommand.tls("jdbc:postgresql://db.example.com/conduit?sslmode=verify-full", true);
        var remoteMariaDb = DoctorCommand.tls("jdbc:mariadb://db.example.com:3306/conduit", false);

        assertThat(remote.ok()).isFalse();
        assertThat(remote.detail()).isEqualTo("not in use on a connection to db.example.com:5432; "
                + "add sslmode=verify-full (or require) to DATABASE_URL");
        assertThat(remoteMariaDb.ok()).isFalse();
        assertThat(remoteMariaDb.detail()).isEqualTo("not in use on a connection to db.example.com:3306; "
                + "add sslMode=verify-full (or trust, which encrypts without checking the server) to DATABASE_URL");
        assertThat(local.ok()).isTrue();
        assertThat(encrypted).isEqualTo(new DoctorCommand.Outcome(true, "in use"));
    }

    private static String hostsOf(String url) {
        return url.replaceFirst("^jdbc:(postgresql|mariadb)://([^/]*)/.*$", "$2");
    }
}
