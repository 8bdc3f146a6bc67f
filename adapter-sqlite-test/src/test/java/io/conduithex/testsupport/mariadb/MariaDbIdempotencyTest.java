package io.conduithex.testsupport.mariadb;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.IdempotencyContract;

class MariaDbIdempotencyTest extends IdempotencyContract {
    @Override
    protected TestDatabase newDatabase() {
        return MariaDbTestDatabase.create();
    }
}
