package io.conduithex.testsupport;

import io.conduithex.adapter.jdbi.JdbiPersistence;

/** A fresh, migrated database for one test, with the adapter's persistence open on it. */
public interface TestDatabase extends AutoCloseable {

    JdbiPersistence persistence();

    /** The JDBC URL of this database. */
    String url();

    /** Closes the persistence and drops the database. */
    @Override
    void close();
}
