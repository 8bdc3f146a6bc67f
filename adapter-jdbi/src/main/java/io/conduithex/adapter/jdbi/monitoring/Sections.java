package io.conduithex.adapter.jdbi.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects diagnostics sections in order. A section whose query fails (a missing privilege, a timeout) says so in
 * its place, and the others are still reported: a partial answer is what an operator needs during an incident.
 */
final class Sections {
    private static final Logger log = LoggerFactory.getLogger(Sections.class);

    private final Map<String, Object> sections = new LinkedHashMap<>();

    void add(String name, Supplier<Object> section) {
        try {
            sections.put(name, section.get());
        } catch (RuntimeException e) {
            log.warn("Diagnostics section '{}' failed: {}", name, e.toString());
            sections.put(name, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    Map<String, Object> all() {
        return sections;
    }
}
