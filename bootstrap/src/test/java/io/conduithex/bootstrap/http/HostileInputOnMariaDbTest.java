package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.testkit.TestApplication;

class HostileInputOnMariaDbTest extends HostileInput {
    HostileInputOnMariaDbTest() {
        super(TestApplication.onFreshMariaDb());
    }
}
