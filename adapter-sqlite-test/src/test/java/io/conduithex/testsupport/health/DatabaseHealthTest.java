package io.conduithex.testsupport.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.adapter.jdbi.error.ConstraintViolationMeter;
import io.conduithex.application.health.HealthCheck;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.SqliteTestDatabase;
import io.conduithex.testsupport.kit.Latches;
import io.conduithex.testsupport.mariadb.MariaDbTestDatabase;
import io.conduithex.testsupport.postgres.PostgresTestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database's readiness checks: ping, migrations and pool, on real databases; and the count of constraint
 * violations, which comes from the same adapter.
 */
class DatabaseHealthTest {

    @TempDir
    Path folder;

    @Test
    void onAMigratedSqliteDatabaseEveryCheckIsUpAndTheSchemaVersionIsNamed() {
        try (var database = SqliteTestDatabase.create(SqliteTestDatabase.Options.DEFAULTS)) {
            var results = run(database.persistence());

            assertThat(results).allSatisfy((name, result) -> assertThat(result.up()).as(name).isTrue());
            assertThat(results.keySet()).containsExactly("database", "migrations", "pool");
            assertThat(results.get("migrations").detail()).matches("schema at version \\d+(\\.\\d+)*");
            // HikariCP fills the pool in the background, so the idle count depends on when the check runs.
            assertThat(results.get("pool").detail()).matches("active 0 of 4, idle \\d+, waiting 0");
        }
    }

    @Test
    void onAMigratedPostgresDatabaseEveryCheckIsUp() {
        try (var database = PostgresTestDatabase.create()) {
            var results = run(database.persistence());

            assertThat(results).allSatisfy((name, result) -> assertThat(result.up()).as(name).isTrue());
            assertThat(results.keySet()).containsExactly("database", "migrations", "pool");
            assertThat(results.get("migrations").detail()).startsWith("schema at version ");
        }
    }

    @Test
    void onAMigratedMariaDbDatabaseEveryCheckIsUp() {
        try (var database = MariaDbTestDatabase.create()) {
            var results = run(database.persistence());

            assertThat(results).allSatisfy((name, result) -> assertThat(result.up()).as(name).isTrue());
            assertThat(results.keySet()).containsExactly("database", "migrations", "pool");
            assertThat(results.get("migrations").detail()).matches("schema at version \\d+(\\.\\d+)*");
        }
    }

    @Test
    void beforeMigrationTheMigrationsCheckIsDownWhileTheDatabaseAnswers() {
        String url = "jdbc:sqlite:" + folder.resolve("unmigrated.db");
        try (var persistence = JdbiPersistence.open(DatabaseSettings.forUrl(url), new SimpleMeterRegistry())) {
            var before = run(persistence);
            persistence.migrate();
            var after = run(persistence);

            assertThat(before.get("database").up()).isTrue();
            assertThat(before.get("migrations").up()).isFalse();
            assertThat(before.get("migrations").detail()).startsWith("cannot read the migration history");
            assertThat(after.get("migrations").up()).isTrue();
        }
    }

    @Test
    void aFailedMigrationInTheHistoryMakesTheMigrationsCheckDown() throws Exception {
        try (var database = SqliteTestDatabase.create(SqliteTestDatabase.Options.DEFAULTS);
             var connection = java.sql.DriverManager.getConnection(database.url());
             var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE flyway_schema_history SET success = 0"
                    + " WHERE installed_rank = (SELECT max(installed_rank) FROM flyway_schema_history)");

            var migrations = run(database.persistence()).get("migrations");

            assertThat(migrations.up()).isFalse();
            assertThat(migrations.detail()).contains("failed");
        }
    }

    @Test
    void thePoolCheckIsDownWhileEveryConnectionIsLentAndAThreadWaitsWhileThePingStillAnswers() throws Exception {
        var options = new SqliteTestDatabase.Options(1, Duration.ofSeconds(10), Duration.ofSeconds(10));
        try (var database = SqliteTestDatabase.create(options)) {
            var unitOfWork = database.persistence().unitOfWork();
            var holding = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var holder = CompletableFuture.runAsync(() -> unitOfWork.inTransaction(TransactionSpec.readOnly("hold"),
                    tx -> {
                        holding.countDown();
                        Latches.awaitOpen(release, "never released");
                        return null;
                    }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            var waiter = CompletableFuture.runAsync(() -> unitOfWork.inTransaction(TransactionSpec.readOnly("wait"),
                    tx -> null));
            awaitWaitingThreads(database.persistence());

            var during = run(database.persistence());
            var exhausted = during.get("pool");
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            waiter.get(10, TimeUnit.SECONDS);
            var recovered = run(database.persistence()).get("pool");

            assertThat(exhausted.up()).isFalse();
            assertThat(exhausted.detail()).isEqualTo("exhausted: active 1 of 1, idle 0, waiting 1");
            assertThat(during.get("database").up()).as("the ping has a connection of its own").isTrue();
            assertThat(recovered.up()).isTrue();
        }
    }

    @Test
    void aUniqueViolationIsCountedOnceByKindAndConstraint() {
        try (var database = SqliteTestDatabase.create(SqliteTestDatabase.Options.DEFAULTS)) {
            var unitOfWork = database.persistence().unitOfWork();
            var jake = new NewUser(new Email("jake@jake.jake"), new Username("jake"), new PasswordHash("hash"));
            var other = new NewUser(new Email("jake@jake.jake"), new Username("other"), new PasswordHash("hash"));
            unitOfWork.inTransaction(TransactionSpec.readWrite("register-user"), tx -> tx.users().insert(jake));

            assertThatThrownBy(() -> unitOfWork.inTransaction(TransactionSpec.readWrite("register-user"),
                    tx -> tx.users().insert(other))).isInstanceOf(ConstraintViolationException.class);

            var counter = database.meters().find(ConstraintViolationMeter.CONSTRAINT_VIOLATIONS).counters();
            assertThat(counter).singleElement().satisfies(violations -> {
                assertThat(violations.getId().getTag("kind")).isEqualTo("unique");
                assertThat(violations.getId().getTag("constraint")).isEqualTo("users.email_key");
                assertThat(violations.count()).isEqualTo(1.0);
            });
        }
    }

    private static Map<String, HealthCheck.Result> run(JdbiPersistence persistence) {
        return persistence.healthChecks().stream().collect(Collectors.toMap(HealthCheck::name, HealthCheck::check,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static void awaitWaitingThreads(JdbiPersistence persistence) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (persistence.poolStatus().waiting() == 0) {
            assertThat(System.nanoTime() - deadline).as("a thread waits for a connection").isNegative();
            Thread.sleep(5);
        }
    }

}
