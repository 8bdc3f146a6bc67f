package io.conduithex.testsupport;

import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A fresh, migrated database for one test, with the adapter's persistence open on it. */
public interface TestDatabase extends AutoCloseable {

    JdbiPersistence persistence();

    /** The registry the persistence records its meters in (pool, statements), for assertions. */
    MeterRegistry meters();

    /** The JDBC URL of this database. */
    String url();

    /**
     * A plain connection of its own, outside the pool and outside any unit of work, for arranging and
     * checking rows directly with SQL. The caller closes it.
     */
    default Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** Closes the persistence and drops the database. */
    @Override
    void close();
}
