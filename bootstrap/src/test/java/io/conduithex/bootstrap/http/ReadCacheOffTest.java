package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.conduithex.testsupport.kit.CapturedLogs;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code READ_CACHE=off} every read goes to the database, as it did before there was a cache: a row changed
 * behind the application's back is seen by the very next read, the admin API says the cache is off, and nothing is
 * counted as a hit or a miss.
 */
@ExtendWith(CapturedLogs.class)
class ReadCacheOffTest {
    @RegisterExtension
    final SqliteApplicationExtension app = new SqliteApplicationExtension(TestApplication.launcher(
            TestApplication.config(Map.of(AppConfig.READ_CACHE, "off", AppConfig.ADMIN_TOKEN, AdminCalls.TOKEN))));

    private ConduitApi api;
    private String slug;

    @BeforeEach
    void anArticle() {
        api = new ConduitApi(app.baseUri());
        Account jake = api.registered("jake");
        slug = api.givenAnArticleBy(jake, "Uncached", "uncached");
    }

    @AfterEach
    void noRequestFailedWithAServerError() {
        api.assertNoServerErrors();
    }

    @Test
    void everyReadGoesToTheDatabase() throws SQLException {
        for (int i = 0; i < 3; i++) {
            assertThat(api.article(slug, null).at("/article/title")).isEqualTo("Uncached");
            assertThat(api.articles("", null).at("/articles/0/title")).isEqualTo("Uncached");
        }

        renameBehindTheApplicationsBack("Renamed behind its back");

        assertThat(api.article(slug, null).at("/article/title")).isEqualTo("Renamed behind its back");
        assertThat(api.articles("", null).at("/articles/0/title")).isEqualTo("Renamed behind its back");
        var cache = new AdminCalls(api).call(AdminCalls.READ_CACHE).json();
        assertThat(cache.at("/enabled").asBoolean()).isFalse();
        assertThat(cache.at("/hits").asLong()).isZero();
        assertThat(cache.at("/misses").asLong()).isZero();
        assertThat(cache.at("/entries").asLong()).isZero();
        assertThat(api.get("/metrics", null).body()).doesNotContain("conduit.read.cache")
                .doesNotContain("conduit_read_cache");
    }

    private void renameBehindTheApplicationsBack(String title) throws SQLException {
        try (var connection = app.database().connect();
             var update = connection.prepareStatement("UPDATE articles SET title = ? WHERE slug = ?")) {
            update.setString(1, title);
            update.setString(2, slug);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
