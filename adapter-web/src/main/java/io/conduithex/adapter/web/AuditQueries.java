package io.conduithex.adapter.web;

import io.conduithex.domain.audit.AuditAction;
import io.conduithex.domain.audit.AuditEvent;
import io.conduithex.domain.audit.AuditQuery;
import io.conduithex.domain.audit.AuditQuery.AuditCursor;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.validation.FieldErrors;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The query string of {@code GET /admin/audit}: {@code actor} (a user id), {@code entityType} (user, article or
 * comment) with an optional {@code entityId}, {@code from} and {@code to} (ISO-8601 instants, from inclusive),
 * {@code limit} (1 to 500, 50 by default) and {@code cursor} (the {@code next} of the page before). Every bad
 * value is a 422 naming its parameter.
 */
final class AuditQueries {
    static final int DEFAULT_LIMIT = 50;

    private AuditQueries() {
    }

    static AuditQuery from(Context ctx) {
        var errors = FieldErrors.builder();
        Optional<UserId> actor = parse(ctx, "actor", errors, "must be a user id",
                raw -> new UserId(Long.parseLong(raw)));
        Optional<AuditAction.EntityType> type = parse(ctx, "entityType", errors, "must be user, article or comment",
                raw -> AuditAction.EntityType.valueOf(raw.toUpperCase(Locale.ROOT)));
        Optional<String> entityId = Optional.ofNullable(ctx.queryParam("entityId")).filter(id -> !id.isEmpty());
        if (entityId.isPresent() && ctx.queryParam("entityType") == null) {
            errors.add("entityId", "needs an entityType");
        }
        Optional<Instant> from = parse(ctx, "from", errors, "must be an ISO-8601 instant", Instant::parse);
        Optional<Instant> to = parse(ctx, "to", errors, "must be an ISO-8601 instant", Instant::parse);
        Optional<AuditCursor> after = parse(ctx, "cursor", errors, "is not a cursor this server gave",
                AuditQueries::decode);
        int limit = parse(ctx, "limit", errors, "must be 1 to " + AuditQuery.MAX_LIMIT, raw -> {
            int value = Integer.parseInt(raw);
            if (value < 1 || value > AuditQuery.MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return value;
        }).orElse(DEFAULT_LIMIT);
        errors.throwIfAny();
        return new AuditQuery(actor, type, entityId, from, to, after, limit);
    }

    /** The cursor of the page after {@code page}, or empty when {@code page} was the last. */
    static Optional<String> next(List<AuditEvent> page, int limit) {
        if (page.size() < limit) {
            return Optional.empty();
        }
        var last = AuditCursor.of(page.get(page.size() - 1));
        String plain = last.occurredAt().toEpochMilli() + ":" + last.id();
        return Optional.of(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
    }

    private static AuditCursor decode(String cursor) {
        String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int colon = plain.indexOf(':');
        return new AuditCursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))),
                Long.parseLong(plain.substring(colon + 1)));
    }

    private interface Parser<T> {
        T parse(String raw);
    }

    private static <T> Optional<T> parse(Context ctx, String name, FieldErrors.Builder errors, String message,
                                         Parser<T> parser) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parse(raw));
        } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            errors.add(name, message);
            return Optional.empty();
        }
    }
}
