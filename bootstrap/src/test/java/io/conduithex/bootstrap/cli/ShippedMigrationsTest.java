package io.conduithex.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedMigrationsTest {

    @Test
    void latestMatchesTheMigrationsBothDialectsShip(@TempDir Path folder) {
        for (String dialect : new String[] {"sqlite", "postgresql"}) {
            var flyway = Flyway.configure()
                    .dataSource("jdbc:sqlite:" + folder.resolve(dialect + ".db"), null, null)
                    .locations("classpath:db/migration/" + dialect)
                    .load();
            assertThat(Arrays.stream(flyway.info().all()).map(m -> m.getVersion().getVersion()))
                    .as("migrations shipped for " + dialect)
                    .containsExactly(java.util.stream.IntStream.rangeClosed(1, ShippedMigrations.LATEST)
                            .mapToObj(String::valueOf).toArray(String[]::new));
        }
    }
}
