package io.conduithex.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.SeedWriterContract;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostgresSeedWriterTest extends SeedWriterContract {
    @Override
    protected TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }

    @Test
    void aFinishedRunLeavesTheTablesVacuumedAndAnalyzed() {
        var writer = database.persistence().seedWriter();
        writer.begin("vacuumed", 0, 0, 0, Instant.parse("2026-01-02T03:04:05Z"));

        writer.finish("vacuumed", Instant.parse("2026-01-02T03:04:06Z"));

        // Vacuumed: the pages are marked all-visible, so index-only scans skip the table from the first request.
        assertThat(countWithSql("""
                SELECT COUNT(*) FROM pg_stat_user_tables
                 WHERE relname IN ('articles', 'article_tags', 'favorites', 'follows', 'comments')
                   AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL""")).isEqualTo(5);
    }
}
