package io.conduithex.testsupport.sqlite;

import io.conduithex.testsupport.SqliteTestDatabase;
import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.FavoriteRepositoryContract;
import java.time.Duration;

class SqliteFavoriteRepositoryTest extends FavoriteRepositoryContract {
    @Override
    protected TestDatabase newDatabase() {
        // Concurrent writers queue for the one writer connection: let the last of them wait long enough.
        return SqliteTestDatabase.create(new SqliteTestDatabase.Options(4, Duration.ofSeconds(30),
                Duration.ofSeconds(10)));
    }
}
