package io.conduithex.adapter.jdbi.pool;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import org.jdbi.v3.core.Jdbi;

/** One HikariCP pool and the JDBI instance that draws handles from it. */
public record Pool(String name, HikariDataSource dataSource, Jdbi jdbi) {

    /** Makes the pool close {@code connection} when it comes back instead of lending it again. */
    public void discard(Connection connection) {
        dataSource.evictConnection(connection);
    }

    /**
     * Retires every connection of the pool: idle ones now, lent ones when they come back. For when one
     * connection was found dead: a server restart or an operator ending sessions kills them all at once, and
     * each dead one would otherwise cost a request a failed attempt.
     */
    public void retireAll() {
        var bean = dataSource.getHikariPoolMXBean();
        if (bean != null) {
            bean.softEvictConnections();
        }
    }

    int active() {
        var bean = dataSource.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getActiveConnections();
    }

    int idle() {
        var bean = dataSource.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getIdleConnections();
    }

    int waiting() {
        var bean = dataSource.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getThreadsAwaitingConnection();
    }

    int maximum() {
        return dataSource.getMaximumPoolSize();
    }
}
