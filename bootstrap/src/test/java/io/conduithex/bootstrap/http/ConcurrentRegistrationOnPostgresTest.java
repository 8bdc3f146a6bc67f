package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.PostgresApplicationExtension;

class ConcurrentRegistrationOnPostgresTest extends RegistrationRaces {
    ConcurrentRegistrationOnPostgresTest() {
        super(new PostgresApplicationExtension(TestApplication.launcher(TestApplication.config(RegistrationRaces.ROOM_TO_HASH))));
    }
}
