package io.conduithex.adapter.jdbi.monitoring;

import io.conduithex.adapter.jdbi.migration.Migrations;
import io.conduithex.adapter.jdbi.server.ServerFacts;
import io.conduithex.adapter.jdbi.values.Dialect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQLite's answers: library version, journal mode, page counts and free pages, a bounded integrity check, row
 * counts per table, migration state. Runs on a reader connection (read-only).
 */
public final class SqliteDiagnostics extends SectionedDiagnostics {
    /** quick_check stops after this many problems: enough to see the damage, bounded for a huge broken file. */
    static final int MAX_INTEGRITY_PROBLEMS = 20;

    private final ServerFacts facts = ServerFacts.of(Dialect.SQLITE);

    public SqliteDiagnostics(Jdbi reader, Supplier<Migrations> migrations) {
        super("sqlite", reader, migrations);
    }

    @Override
    void addSections(Sections sections, Handle handle) {
        sections.add("server", () -> Map.of("version", facts.version(handle)));
        sections.add("storage", () -> storage(handle));
        sections.add("integrity", () -> integrity(handle));
        sections.add("tables", () -> tables(handle));
    }

    private static Map<String, Object> storage(Handle handle) {
        long pageCount = number(handle, "pragma page_count");
        long pageSize = number(handle, "pragma page_size");
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("journalMode", single(handle, "pragma journal_mode"));
        storage.put("pageCount", pageCount);
        storage.put("pageSize", pageSize);
        storage.put("freelistCount", number(handle, "pragma freelist_count"));
        storage.put("sizeBytes", pageCount * pageSize);
        return storage;
    }

    private static Map<String, Object> integrity(Handle handle) {
        List<String> problems = handle.createQuery("pragma quick_check(" + MAX_INTEGRITY_PROBLEMS + ")")
                .mapTo(String.class).list();
        boolean ok = problems.size() == 1 && "ok".equals(problems.get(0));
        return Map.of("quickCheck", ok ? "ok" : "failed", "problems", ok ? List.of() : problems);
    }

    private static List<Map<String, Object>> tables(Handle handle) {
        List<String> names = handle.createQuery(
                        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
                .mapTo(String.class).list();
        return names.stream().map(name -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("table", name);
            // The name comes from sqlite_master, quoted as an identifier: no text from outside reaches this SQL.
            row.put("rows", number(handle, "select count(*) from \"" + name.replace("\"", "\"\"") + "\""));
            return row;
        }).toList();
    }

    private static String single(Handle handle, String sql) {
        return handle.createQuery(sql).mapTo(String.class).one();
    }

    private static long number(Handle handle, String sql) {
        return handle.createQuery(sql).mapTo(Long.class).one();
    }

    @Override
    void addServerStatistics(Sections sections, Handle handle) {
        sections.add("reported", () -> false);
        sections.add("note", () -> "SQLite is a library inside this process and keeps no statistics: no cache hit"
                + " count, no rows read per table, no dead rows (free pages show as freelistCount in diagnostics)");
    }

    /** One writer at a time, each taking its lock at BEGIN: SQLite never deadlocks here. */
    @Override
    public LatestDeadlock latestDeadlock() {
        return LatestDeadlock.notKept("SQLite has one writer at a time, which takes its lock at BEGIN: no deadlocks");
    }
}
