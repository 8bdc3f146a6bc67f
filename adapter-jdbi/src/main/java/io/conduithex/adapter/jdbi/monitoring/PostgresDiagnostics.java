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
 * PostgreSQL's answers: version, the settings that bound this application (max_connections against the pool
 * budget, timeouts), long-running and idle-in-transaction sessions, lock waits with their blockers, table and
 * index sizes, index usage, migration state. Reads catalog views only. Session queries are cut short and any
 * password literal in them is masked.
 */
public final class PostgresDiagnostics extends ServerDiagnostics {
    private static final String CLIENT_CONNECTIONS =
            "select count(*) from pg_stat_activity where backend_type = 'client backend'";
    private static final String LONG_RUNNING = """
            select pid, usename as "user", application_name as "applicationName", state,
                   round(extract(epoch from now() - query_start) * 1000) as "durationMs", query
            from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
              and now() - query_start > interval '1 second'
            order by query_start limit 50""";
    private static final String IDLE_IN_TRANSACTION = """
            select pid, usename as "user", application_name as "applicationName", state,
                   round(extract(epoch from now() - state_change) * 1000) as "durationMs", query
            from pg_stat_activity
            where datname = current_database() and state like 'idle in transaction%'
            order by state_change limit 50""";
    private static final String LOCK_WAITS = """
            select a.pid, array_to_string(pg_blocking_pids(a.pid), ',') as "blockedBy", l.locktype as "lockType",
                   l.mode, l.relation::regclass::text as relation,
                   round(extract(epoch from now() - a.query_start) * 1000) as "waitingMs", a.query
            from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where not l.granted and a.datname = current_database()
            order by a.query_start limit 50""";
    private static final String TABLE_SIZES = """
            select c.relname as "table", pg_total_relation_size(c.oid) as "totalBytes",
                   pg_relation_size(c.oid) as "tableBytes", pg_indexes_size(c.oid) as "indexBytes",
                   c.reltuples::bigint as "estimatedRows"
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and n.nspname = current_schema()
            order by pg_total_relation_size(c.oid) desc limit 100""";
    private static final String INDEX_USAGE = """
            select relname as "table", indexrelname as "index", idx_scan as scans,
                   pg_relation_size(indexrelid) as bytes
            from pg_stat_user_indexes where schemaname = current_schema()
            order by relname, indexrelname limit 200""";

    // Cumulative since statsReset (null: since the statistics began, at the cluster's start or crash recovery).
    private static final String DATABASE_STATISTICS = """
            select blks_hit as "blocksHit", blks_read as "blocksRead",
                   case when blks_hit + blks_read = 0 then null
                        else round(blks_hit::numeric / (blks_hit + blks_read), 4)::float8 end as "cacheHitRatio",
                   tup_returned as "rowsRead", tup_fetched as "rowsFetched",
                   case when tup_returned = 0 then null
                        else round(tup_fetched::numeric / tup_returned, 4)::float8 end as "fetchedPerRead",
                   tup_inserted as "rowsInserted", tup_updated as "rowsUpdated", tup_deleted as "rowsDeleted",
                   xact_commit as "transactionsCommitted", xact_rollback as "transactionsRolledBack",
                   deadlocks, temp_files as "tempFiles", temp_bytes as "tempBytes",
                   stats_reset::text as "statsReset"
            from pg_stat_database where datname = current_database()""";
    // Row counts are the statistics' current estimates; scans are cumulative like the database's figures.
    private static final String TABLE_STATISTICS = """
            select relname as "table", n_live_tup as "liveRows", n_dead_tup as "deadRows",
                   case when n_live_tup + n_dead_tup = 0 then 0
                        else round(n_dead_tup::numeric / (n_live_tup + n_dead_tup), 4)::float8 end as "deadRatio",
                   seq_scan as "sequentialScans", seq_tup_read as "rowsReadBySequentialScans",
                   coalesce(idx_scan, 0) as "indexScans",
                   greatest(last_vacuum, last_autovacuum)::text as "lastVacuum",
                   greatest(last_analyze, last_autoanalyze)::text as "lastAnalyze"
            from pg_stat_user_tables where schemaname = current_schema()
            order by n_dead_tup desc, relname limit 100""";

    /**
     * @param poolBudget the connections all instances may open: DB_POOL_SIZE x INSTANCES
     */
    public PostgresDiagnostics(Jdbi jdbi, Supplier<Migrations> migrations, PoolBudget poolBudget) {
        super(Dialect.POSTGRESQL, jdbi, migrations, poolBudget);
    }

    @Override
    void addSections(Sections sections, Handle handle) {
        sections.add("server", () -> Map.of("version", facts().product() + " " + facts().version(handle)));
        sections.add("connections", () -> connections(handle, CLIENT_CONNECTIONS));
        sections.add("timeouts", () -> timeouts(handle));
        sections.add("longRunning", () -> sessions(handle, LONG_RUNNING));
        sections.add("idleInTransaction", () -> sessions(handle, IDLE_IN_TRANSACTION));
        sections.add("lockWaits", () -> sessions(handle, LOCK_WAITS));
        sections.add("tableSizes", () -> rows(handle, TABLE_SIZES));
        sections.add("indexUsage", () -> rows(handle, INDEX_USAGE));
    }

    private static Map<String, Object> timeouts(Handle handle) {
        Map<String, Object> timeouts = new LinkedHashMap<>();
        for (String name : List.of("statement_timeout", "idle_in_transaction_session_timeout", "lock_timeout")) {
            timeouts.put(name, setting(handle, name));
        }
        return timeouts;
    }

    private static String setting(Handle handle, String name) {
        return handle.createQuery("select current_setting(:name)").bind("name", name).mapTo(String.class).one();
    }

    /** PostgreSQL logs each deadlock it breaks (in the server's log) and keeps no report to ask for. */
    @Override
    void addServerStatistics(Sections sections, Handle handle) {
        sections.add("database", () -> {
            Map<String, Object> database = new LinkedHashMap<>();
            Map<String, Object> row = rows(handle, DATABASE_STATISTICS).get(0);
            Object reset = row.get("statsReset");
            database.put("window", reset == null ? "since the server's statistics began (never reset)"
                    : "since the statistics were reset at " + reset);
            database.putAll(row);
            return database;
        });
        sections.add("tables", () -> {
            Map<String, Object> tables = new LinkedHashMap<>();
            tables.put("window", "rows: the statistics' current estimate; scans: since the statistics were reset");
            tables.put("tables", rows(handle, TABLE_STATISTICS));
            return tables;
        });
    }

    @Override
    public LatestDeadlock latestDeadlock() {
        return LatestDeadlock.notKept("PostgreSQL keeps no report of past deadlocks: each is in the server's log"
                + " (\"deadlock detected\"); the counts here are the application's own retries");
    }
}
