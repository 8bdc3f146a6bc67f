package io.conduithex.adapter.jdbi.monitoring;

import io.conduithex.adapter.jdbi.migration.Migrations;
import io.conduithex.adapter.jdbi.server.PoolBudget;
import io.conduithex.adapter.jdbi.values.Dialect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * MariaDB's answers: version, the settings that bound this application (max_connections against the pool budget,
 * timeouts, isolation), long-running sessions, transactions left open, InnoDB lock waits with their blockers,
 * table sizes, migration state. Reads information_schema only; the sessions of other users and InnoDB's
 * transactions need the PROCESS privilege, and a section the login may not read says so in its place. Index
 * usage is not reported: MariaDB counts it only with {@code userstat} on, which costs every statement. InnoDB
 * refreshes its transaction and lock tables only when nobody read them in the last 100 ms, so a report asked for
 * more often than that repeats the previous picture. Session queries are cut short and any password literal in
 * them is masked.
 */
public final class MariaDbDiagnostics extends ServerDiagnostics {
    /** ER_SPECIFIC_ACCESS_DENIED_ERROR: the statement needs a privilege the login has not. */
    private static final int ACCESS_DENIED = 1227;
    private static final String CLIENT_CONNECTIONS = "select VARIABLE_VALUE from information_schema.GLOBAL_STATUS"
                + " where VARIABLE_NAME = 'THREADS_CONNECTED'";
    private static final String LONG_RUNNING = """
            select ID as id, USER as "user", COMMAND as command, STATE as state, round(TIME_MS) as "durationMs",
                   INFO as query
            from information_schema.PROCESSLIST
            where DB = database() and ID <> connection_id() and COMMAND = 'Query' and TIME_MS > 1000
            order by TIME_MS desc limit 50""";
    private static final String OPEN_TRANSACTIONS = """
            select t.trx_mysql_thread_id as id, p.USER as "user", t.trx_state as state,
                   round(timestampdiff(microsecond, t.trx_started, now(6)) / 1000) as "durationMs",
                   t.trx_query as query
            from information_schema.INNODB_TRX t
            left join information_schema.PROCESSLIST p on p.ID = t.trx_mysql_thread_id
            where t.trx_mysql_thread_id <> connection_id()
            order by t.trx_started limit 50""";
    private static final String LOCK_WAITS = """
            select r.trx_mysql_thread_id as id, b.trx_mysql_thread_id as "blockedBy",
                   round(timestampdiff(microsecond, r.trx_wait_started, now(6)) / 1000) as "waitingMs",
                   r.trx_query as query
            from information_schema.INNODB_LOCK_WAITS w
            join information_schema.INNODB_TRX r on r.trx_id = w.requesting_trx_id
            join information_schema.INNODB_TRX b on b.trx_id = w.blocking_trx_id
            order by r.trx_wait_started limit 50""";
    private static final String TABLE_SIZES = """
            select TABLE_NAME as "table", DATA_LENGTH + INDEX_LENGTH as "totalBytes", DATA_LENGTH as "tableBytes",
                   INDEX_LENGTH as "indexBytes", TABLE_ROWS as "estimatedRows"
            from information_schema.TABLES
            where TABLE_SCHEMA = database() and TABLE_TYPE = 'BASE TABLE'
            order by DATA_LENGTH + INDEX_LENGTH desc limit 100""";

    private static final String BUFFER_POOL = """
            select VARIABLE_NAME as name, VARIABLE_VALUE as value from information_schema.GLOBAL_STATUS
            where VARIABLE_NAME in ('INNODB_BUFFER_POOL_READ_REQUESTS', 'INNODB_BUFFER_POOL_READS', 'UPTIME')""";

    /**
     * @param poolBudget the connections all instances may open: DB_POOL_SIZE x INSTANCES
     */
    public MariaDbDiagnostics(Jdbi jdbi, Supplier<Migrations> migrations, PoolBudget poolBudget) {
        super(Dialect.MARIADB, jdbi, migrations, poolBudget);
    }

    @Override
    void addSections(Sections sections, Handle handle) {
        sections.add("server", () -> Map.of("version", facts().product() + " " + facts().version(handle)));
        sections.add("connections", () -> connections(handle, CLIENT_CONNECTIONS));
        sections.add("timeouts", () -> timeouts(handle));
        sections.add("longRunning", () -> sessions(handle, LONG_RUNNING));
        sections.add("openTransactions", () -> sessions(handle, OPEN_TRANSACTIONS));
        sections.add("lockWaits", () -> sessions(handle, LOCK_WAITS));
        sections.add("tableSizes", () -> rows(handle, TABLE_SIZES));
        sections.add("latestDeadlock", () -> InnoDbDeadlock.asMap(latestDeadlock(handle)));
        sections.add("indexUsage", () -> Map.of("reported", false,
                "reason", "MariaDB counts index use only with userstat=ON, which this report does not require"));
    }

    private static Map<String, Object> timeouts(Handle handle) {
        return handle.createQuery("""
                        select @@SESSION.max_statement_time as max_statement_time,
                               @@SESSION.innodb_lock_wait_timeout as innodb_lock_wait_timeout,
                               @@SESSION.idle_transaction_timeout as idle_transaction_timeout,
                               @@SESSION.tx_isolation as tx_isolation""")
                .map((rs, ctx) -> {
                    Map<String, Object> timeouts = new LinkedHashMap<>();
                    for (String name : List.of("max_statement_time", "innodb_lock_wait_timeout",
                            "idle_transaction_timeout", "tx_isolation")) {
                        timeouts.put(name, rs.getString(name));
                    }
                    return timeouts;
                }).one();
    }

    @Override
    void addServerStatistics(Sections sections, Handle handle) {
        sections.add("bufferPool", () -> {
            Map<String, Long> status = new java.util.HashMap<>();
            handle.createQuery(BUFFER_POOL).map((rs, ctx) -> Map.entry(
                            rs.getString("name").toUpperCase(java.util.Locale.ROOT), Long.parseLong(rs.getString("value"))))
                    .forEach(entry -> status.put(entry.getKey(), entry.getValue()));
            long requests = status.getOrDefault("INNODB_BUFFER_POOL_READ_REQUESTS", 0L);
            long fromDisk = status.getOrDefault("INNODB_BUFFER_POOL_READS", 0L);
            Map<String, Object> pool = new LinkedHashMap<>();
            pool.put("window", "since the server started, " + status.getOrDefault("UPTIME", 0L) + " s ago");
            pool.put("readRequests", requests);
            pool.put("readsFromDisk", fromDisk);
            pool.put("cacheHitRatio", requests == 0 ? null : Math.round((1 - (double) fromDisk / requests) * 10_000) / 10_000.0);
            return pool;
        });
        sections.add("tables", () -> {
            Map<String, Object> tables = new LinkedHashMap<>();
            tables.put("reported", false);
            tables.put("note", "InnoDB keeps no count of dead rows (purge removes old row versions) nor rows read"
                    + " per table; see the diagnostics' tableSizes for row estimates");
            return tables;
        });
    }

    @Override
    public LatestDeadlock latestDeadlock() {
        return withHandle(MariaDbDiagnostics::latestDeadlock);
    }

    /** InnoDB's LATEST DETECTED DEADLOCK section of SHOW ENGINE INNODB STATUS, which needs PROCESS. */
    private static LatestDeadlock latestDeadlock(Handle handle) {
        try {
            String status = handle.createQuery("SHOW ENGINE INNODB STATUS")
                    .map((rs, ctx) -> rs.getString("Status")).one();
            return InnoDbDeadlock.from(status);
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && sql.getErrorCode() == ACCESS_DENIED) {
                return InnoDbDeadlock.unreadable("InnoDB's report needs the PROCESS privilege, which this login has"
                        + " not");
            }
            throw e;
        }
    }
}
