package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.testkit.TestApplication;

class ConcurrentRegistrationOnSqliteTest extends RegistrationRaces {
    ConcurrentRegistrationOnSqliteTest() {
        super(TestApplication.onFreshSqlite());
    }
}
