package io.conduithex.bootstrap.http;

import io.conduithex.testsupport.SqliteApplicationExtension;

class ReadCacheWriterRoundsOnSqliteTest extends ReadCacheWriterRounds {
    ReadCacheWriterRoundsOnSqliteTest() {
        super(new SqliteApplicationExtension(launcher()));
    }
}
