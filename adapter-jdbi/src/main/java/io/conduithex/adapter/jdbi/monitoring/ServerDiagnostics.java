package io.conduithex.adapter.jdbi.monitoring;

import io.conduithex.adapter.jdbi.migration.Migrations;
import io.conduithex.adapter.jdbi.server.PoolBudget;
import io.conduithex.adapter.jdbi.server.ServerFacts;
import io.conduithex.adapter.jdbi.values.Dialect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What the diagnostics of the database servers (PostgreSQL, MariaDB) report alike: the server's connection limit
 * against the pool budget of all instances, rows of catalog queries as JSON-ready maps, and sessions whose query
 * text is cut short and has any password literal masked.
 */
abstract class ServerDiagnostics extends SectionedDiagnostics {
    static final int QUERY_CHARS = 200;
    private static final Pattern PASSWORD_LITERAL =
            Pattern.compile("(?i)(password\\s*[=:]?\\s*)('(?:[^']|'')*'|\\S+)");

    private final ServerFacts facts;
    private final PoolBudget poolBudget;

    /**
     * @param poolBudget the connections all instances may open: DB_POOL_SIZE x INSTANCES
     */
    ServerDiagnostics(Dialect dialect, Jdbi jdbi, Supplier<Migrations> migrations, PoolBudget poolBudget) {
        super(dialect.name().toLowerCase(Locale.ROOT), jdbi, migrations);
        this.facts = ServerFacts.of(dialect);
        this.poolBudget = poolBudget;
    }

    final ServerFacts facts() {
        return facts;
    }

    /** The server's limit, the client connections {@code clientConnectionsQuery} counts, and the pool budget. */
    final Map<String, Object> connections(Handle handle, String clientConnectionsQuery) {
        int max = facts.maxConnections(handle).orElseThrow();
        long inUse = handle.createQuery(clientConnectionsQuery).mapTo(Long.class).one();
        Map<String, Object> connections = new LinkedHashMap<>();
        connections.put("maxConnections", (long) max);
        connections.put("clientConnections", inUse);
        connections.put("poolBudget", (int) poolBudget.connections());
        connections.put("poolBudgetPercent", poolBudget.percentOf(max));
        connections.put("poolBudgetOk", poolBudget.fits(max));
        return connections;
    }

    /** The rows of {@code sql}, with any {@code query} column made safe to show. */
    static List<Map<String, Object>> sessions(Handle handle, String sql) {
        return rows(handle, sql).stream().map(row -> {
            Object query = row.get("query");
            if (query != null) {
                row.put("query", safeQuery(query.toString()));
            }
            return row;
        }).toList();
    }

    /** Cut to {@value #QUERY_CHARS} characters, with password literals masked. */
    static String safeQuery(String query) {
        String masked = PASSWORD_LITERAL.matcher(query).replaceAll("$1****");
        return masked.length() <= QUERY_CHARS ? masked : masked.substring(0, QUERY_CHARS) + "...";
    }

    static List<Map<String, Object>> rows(Handle handle, String sql) {
        // mapToMap lower-cases keys; the column aliases are quoted to keep the JSON names camelCase.
        return handle.createQuery(sql).map((rs, ctx) -> {
            var meta = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                Object value = rs.getObject(column);
                row.put(meta.getColumnLabel(column), value instanceof Number || value instanceof Boolean
                        || value == null ? value : value.toString());
            }
            return row;
        }).list();
    }
}
