package io.conduithex.testsupport.mariadb;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.FavoriteRepositoryContract;
import java.time.Duration;

class MariaDbFavoriteRepositoryTest extends FavoriteRepositoryContract {
    @Override
    protected TestDatabase newDatabase() {
        // Concurrent writers queue for four connections: let the last of them wait long enough.
        return MariaDbTestDatabase.create(4, Duration.ofSeconds(30), Duration.ofSeconds(10));
    }
}
