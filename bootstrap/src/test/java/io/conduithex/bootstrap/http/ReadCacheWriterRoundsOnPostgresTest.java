package io.conduithex.bootstrap.http;

import io.conduithex.testsupport.PostgresApplicationExtension;

class ReadCacheWriterRoundsOnPostgresTest extends ReadCacheWriterRounds {
    ReadCacheWriterRoundsOnPostgresTest() {
        super(new PostgresApplicationExtension(launcher()));
    }
}
