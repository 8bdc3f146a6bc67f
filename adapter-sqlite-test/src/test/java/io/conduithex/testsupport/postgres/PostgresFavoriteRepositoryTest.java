package io.conduithex.testsupport.postgres;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.FavoriteRepositoryContract;
import java.time.Duration;

class PostgresFavoriteRepositoryTest extends FavoriteRepositoryContract {
    @Override
    protected TestDatabase newDatabase() {
        // Concurrent writers queue for four connections: let the last of them wait long enough.
        return PostgresTestDatabase.create(4, Duration.ofSeconds(30), Duration.ofSeconds(10));
    }
}
