package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.testkit.TestApplication;

class ConcurrentRegistrationOnMariaDbTest extends RegistrationRaces {
    ConcurrentRegistrationOnMariaDbTest() {
        super(TestApplication.onFreshMariaDb());
    }
}
