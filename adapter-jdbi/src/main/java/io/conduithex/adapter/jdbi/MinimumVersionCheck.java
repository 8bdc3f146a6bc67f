package io.conduithex.adapter.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Refuses a PostgreSQL server older than 13 before anything is migrated: finding out what became of a lost
 * COMMIT needs {@code pg_current_xact_id_if_assigned()} and {@code pg_xact_status()}, which 13 introduced, and
 * without them every write would fail.
 */
final class MinimumVersionCheck {
    static final int MINIMUM_VERSION_NUM = 130_000;

    private MinimumVersionCheck() {
    }

    /** Returns when the server behind {@code dataSource} is recent enough; throws otherwise. Runs before migrating. */
    static void require(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT current_setting('server_version_num')::int,"
                     + " current_setting('server_version')")) {
            rs.next();
            int version = rs.getInt(1);
            if (version < MINIMUM_VERSION_NUM) {
                throw new IllegalStateException("PostgreSQL 13 or later is required; the server runs "
                        + rs.getString(2));
            }
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.ConnectionException(e);
        }
    }
}
