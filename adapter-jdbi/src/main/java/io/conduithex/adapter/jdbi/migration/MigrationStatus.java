package io.conduithex.adapter.jdbi.migration;

import java.util.List;

/** Every migration shipped or applied, in order, and where the schema stands, read together. */
public record MigrationStatus(List<MigrationRow> rows, MigrationSummary summary) {
}
