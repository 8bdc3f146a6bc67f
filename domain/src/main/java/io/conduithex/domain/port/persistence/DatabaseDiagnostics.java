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
