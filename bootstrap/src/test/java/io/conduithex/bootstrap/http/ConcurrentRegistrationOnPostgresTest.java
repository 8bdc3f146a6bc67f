package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.testkit.TestApplication;

class ConcurrentRegistrationOnPostgresTest extends RegistrationRaces {
    ConcurrentRegistrationOnPostgresTest() {
        super(TestApplication.onFreshPostgres());
    }
}
