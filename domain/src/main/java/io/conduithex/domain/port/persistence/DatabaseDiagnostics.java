package io.conduithex.domain.port.persistence;

import java.util.Map;
import java.util.Objects;

/**
 * Asks the database about itself: version, settings that matter, sessions, locks, sizes, migrations. Each
 * dialect answers with what it has. Runs queries against the live database, so it is for operators on demand,
 * not for every request. Never reports passwords or bound values.
 */
public interface DatabaseDiagnostics {

    Report run();

    /** The database's own report of the latest deadlock it broke, where it keeps one (InnoDB does). */
    LatestDeadlock latestDeadlock();

    /**
     * The server's own cumulative statistics that tell how the database copes: on PostgreSQL the cache hit
     * ratio, rows read against rows returned, and live and dead rows of the application's tables. Each section
     * says over which window it was taken, and a database that keeps no such figures says so with
     * {@code reported: false} and a {@code note}. Queries the database, so it is for operators on demand.
     */
    default Report serverStatistics() {
        return new Report("unknown", Map.of("reported", false, "note", "this database reports no statistics"));
    }

    /**
     * @param reported whether the database keeps such a report and this login could read it
     * @param detected when the database says it happened, as it writes it (its own clock and zone)
     * @param text     the report, its string literals masked; empty when none was reported
     * @param note     what the figures mean, or why there are none
     */
    record LatestDeadlock(boolean reported, java.util.Optional<String> detected, java.util.Optional<String> text,
                          String note) {
        public LatestDeadlock {
            Objects.requireNonNull(detected, "detected");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(note, "note");
        }

        /** A database that keeps no report, and why. */
        public static LatestDeadlock notKept(String why) {
            return new LatestDeadlock(false, java.util.Optional.empty(), java.util.Optional.empty(), why);
        }
    }

    /**
     * @param dialect  {@code postgresql}, {@code sqlite} or {@code mariadb}
     * @param sections named findings in a stable order; values are strings, numbers, booleans, lists and maps
     */
    record Report(String dialect, Map<String, Object> sections) {
        public Report {
            Objects.requireNonNull(dialect, "dialect");
            sections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sections));
        }
    }
}
