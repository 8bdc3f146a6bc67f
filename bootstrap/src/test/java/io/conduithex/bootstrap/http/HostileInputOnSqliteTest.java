package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.testkit.TestApplication;

class HostileInputOnSqliteTest extends HostileInput {
    HostileInputOnSqliteTest() {
        super(TestApplication.onFreshSqlite());
    }
}
