package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.domain.audit.AuditAction;
import io.conduithex.domain.audit.AuditEvent;
import io.conduithex.domain.audit.AuditQuery;
import io.conduithex.domain.port.persistence.AuditRepository;
import io.conduithex.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit trail in {@code audit_events}, newest first by (occurred_at, id): each filter has its index. */
record JdbiAuditRepository(GuardedHandle handle, Timestamps timestamps, Dialect dialect) implements AuditRepository {
    private static final String FIELD_SEPARATOR = ",";

    @Override
    public void append(AuditEvent event) {
        handle.with(h -> h.createUpdate("""
                        INSERT INTO audit_events
                               (occurred_at, actor_id, action, entity_type, entity_id, request_id, changed_fields)
                        VALUES (:at, :actor, :action, :entityType, :entityId, :requestId, :fields)""")
                .bind("at", timestamps.bind(event.occurredAt()))
                .bind("actor", event.actor().map(UserId::value).orElse(null))
                .bind("action", event.action().code())
                .bind("entityType", event.entityType().code())
                .bind("entityId", event.entityId())
                .bind("requestId", event.requestId().orElse(null))
                .bind("fields", String.join(FIELD_SEPARATOR, event.changedFields()))
                .execute());
    }

    @Override
    public List<AuditEvent> page(AuditQuery query) {
        var where = new ArrayList<String>();
        var binds = new HashMap<String, Object>();
        query.actor().ifPresent(actor -> {
            where.add("actor_id = :actor");
            binds.put("actor", actor.value());
        });
        query.entityType().ifPresent(type -> {
            where.add("entity_type = :entityType");
            binds.put("entityType", type.code());
        });
        query.entityId().ifPresent(id -> {
            where.add("entity_id = :entityId");
            binds.put("entityId", id);
        });
        query.from().ifPresent(from -> {
            where.add("occurred_at >= :from");
            binds.put("from", timestamps.bind(from));
        });
        query.to().ifPresent(to -> {
            where.add("occurred_at < :to");
            binds.put("to", timestamps.bind(to));
        });
        query.after().ifPresent(cursor -> {
            // Spelled out rather than as a row comparison, which MariaDB does not turn into an index range.
            where.add("(occurred_at < :afterAt OR (occurred_at = :afterAt AND id < :afterId))");
            binds.put("afterAt", timestamps.bind(cursor.occurredAt()));
            binds.put("afterId", cursor.id());
        });
        binds.put("limit", query.limit());
        String sql = "SELECT id, occurred_at, actor_id, action, entity_id, request_id, changed_fields"
                + " FROM audit_events" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit";
        return handle.with(h -> h.createQuery(sql).bindMap(binds).map((rs, ctx) -> fromRow(rs)).list());
    }

    @Override
    public int deleteOlderThan(Instant cutoff, int limit) {
        // MariaDB takes no LIMIT in an IN subquery, but limits a DELETE itself; the others the other way round.
        String sql = dialect == Dialect.MARIADB
                ? "DELETE FROM audit_events WHERE occurred_at < :cutoff ORDER BY occurred_at LIMIT :limit"
                : """
                  DELETE FROM audit_events WHERE id IN (
                      SELECT id FROM audit_events WHERE occurred_at < :cutoff ORDER BY occurred_at LIMIT :limit)""";
        return handle.with(h -> h.createUpdate(sql)
                .bindMap(Map.of("cutoff", timestamps.bind(cutoff), "limit", limit))
                .execute());
    }

    private AuditEvent fromRow(ResultSet rs) throws SQLException {
        long actor = rs.getLong("actor_id");
        Optional<UserId> actorId = rs.wasNull() ? Optional.empty() : Optional.of(new UserId(actor));
        String fields = rs.getString("changed_fields");
        return new AuditEvent(rs.getLong("id"), timestamps.read(rs, "occurred_at"), actorId,
                AuditAction.fromCode(rs.getString("action")), rs.getString("entity_id"),
                Optional.ofNullable(rs.getString("request_id")),
                fields.isEmpty() ? List.of() : Arrays.asList(fields.split(FIELD_SEPARATOR)));
    }
}
