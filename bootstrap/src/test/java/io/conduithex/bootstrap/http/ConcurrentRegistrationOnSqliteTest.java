package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;

class ConcurrentRegistrationOnSqliteTest extends RegistrationRaces {
    ConcurrentRegistrationOnSqliteTest() {
        super(new SqliteApplicationExtension(TestApplication.launcher(TestApplication.config(RegistrationRaces.ROOM_TO_HASH))));
    }
}
