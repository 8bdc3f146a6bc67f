package io.conduithex.adapter.jdbi.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every SQLite connection is opened with, read back from SQLite itself. */
class SqlitePoolSettingsTest {
    @TempDir
    Path folder;

    @Test
    void everyConnectionRunsInWalWithForeignKeysAndNormalSync() {
        try (var pools = open()) {
            for (Pool pool : new Pool[] {pools.writer(), pools.reader()}) {
                try (Handle h = pool.open()) {
                    assertThat(pragma(h, "journal_mode")).isEqualTo("wal");
                    assertThat(pragma(h, "foreign_keys")).isEqualTo("1");
                    assertThat(pragma(h, "synchronous")).isEqualTo("1"); // NORMAL
                }
            }
        }
    }

    @Test
    void readersKeepASmallPageCacheAndCannotWrite() {
        try (var pools = open(); Handle reader = pools.reader().open(); Handle writer = pools.writer().open()) {
            assertThat(pragma(reader, "cache_size")).isEqualTo(String.valueOf(-PoolFactory.READER_CACHE_KIB));
            assertThat(pragma(reader, "query_only")).isEqualTo("1");
            assertThat(pragma(writer, "cache_size")).isEqualTo("-2000"); // SQLite's default, 2 MB
            assertThat(pragma(writer, "query_only")).isEqualTo("0");
        }
    }

    private ConnectionPools open() {
        var settings = DatabaseSettings.forUrl("jdbc:sqlite:" + folder.resolve("settings.db")).toBuilder().poolSize(2)
                .build();
        return PoolFactory.open(settings, new SimpleMeterRegistry());
    }

    private static String pragma(Handle h, String name) {
        return h.createQuery("PRAGMA " + name).mapTo(String.class).one();
    }
}
