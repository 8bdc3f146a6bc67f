package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.conduithex.testsupport.kit.CapturedLogs;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A write nobody reports to the cache (another process on the same SQLite file, such as {@code seed}) is seen
 * within {@code READ_CACHE_MAX_STALENESS_MS} of the read that was kept: the bound holds whatever happens.
 */
@ExtendWith(CapturedLogs.class)
class ReadCacheBoundTest {
    private static final Duration BOUND = Duration.ofSeconds(3);

    @RegisterExtension
    final SqliteApplicationExtension app = new SqliteApplicationExtension(TestApplication.launcher(
            TestApplication.config(Map.of(AppConfig.READ_CACHE_MAX_STALENESS_MS,
                    Long.toString(BOUND.toMillis())))));

    @Test
    void aWriteBehindTheApplicationsBackIsSeenWithinTheBound() throws SQLException {
        var api = new ConduitApi(app.baseUri());
        String slug = api.givenAnArticleBy(api.registered("jake"), "Remembered", "remembered");
        long keptAt = System.nanoTime();
        assertThat(api.article(slug, null).at("/article/title")).isEqualTo("Remembered");

        try (var connection = app.database().connect();
             var update = connection.prepareStatement("UPDATE articles SET title = 'Changed' WHERE slug = ?")) {
            update.setString(1, slug);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        assertThat(api.article(slug, null).at("/article/title")).as("still the answer kept in memory")
                .isEqualTo("Remembered");

        String title;
        do {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            title = api.article(slug, null).at("/article/title");
        } while (!title.equals("Changed") && System.nanoTime() - keptAt < BOUND.multipliedBy(3).toNanos());
        long seenAfter = System.nanoTime() - keptAt;

        assertThat(title).isEqualTo("Changed");
        // Measured from before the read that was kept began, the change must show by the bound; the slack is the
        // poll's step and the last request's own time.
        assertThat(Duration.ofNanos(seenAfter)).isLessThanOrEqualTo(BOUND.plusSeconds(1));
        api.assertNoServerErrors();
    }
}
