package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.conduithex.testsupport.kit.CapturedLogs;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Answers that depend on who asks ({@code favorited}, {@code following}) are never taken from the read cache: each
 * signed-in reader sees their own, while the anonymous answer sits in memory beside them, and a token the server
 * does not accept is refused as before.
 */
@ExtendWith(CapturedLogs.class)
class ReadCacheSignedInReadersTest {
    // A long bound: an anonymous answer stays in memory for the whole test unless a commit drops it.
    @RegisterExtension
    final SqliteApplicationExtension app = new SqliteApplicationExtension(TestApplication.launcher(
            TestApplication.config(Map.of(AppConfig.READ_CACHE_MAX_STALENESS_MS, "600000",
                    AppConfig.ADMIN_TOKEN, AdminCalls.TOKEN))));

    private ConduitApi api;
    private Account jake;
    private Account fan;
    private Account stranger;
    private String slug;

    @BeforeEach
    void jakeWritesAFanFollowsAndFavorites() {
        api = new ConduitApi(app.baseUri());
        jake = api.registered("jake");
        fan = api.registered("fan");
        stranger = api.registered("stranger");
        slug = api.givenAnArticleBy(jake, "Dragons", "dragons");
        assertThat(api.follow("jake", fan.token()).status()).isEqualTo(200);
        assertThat(api.favorite(slug, fan.token()).status()).isEqualTo(200);
    }

    @AfterEach
    void noRequestFailedWithAServerError() {
        api.assertNoServerErrors();
    }

    @Test
    void eachSignedInReaderSeesTheirOwnAnswerBesideTheAnonymousOneInMemory() {
        for (int i = 0; i < 2; i++) {
            var anonymous = api.article(slug, null).json();
            assertThat(anonymous.at("/article/favorited").asBoolean()).isFalse();
            assertThat(anonymous.at("/article/favoritesCount").asLong()).isEqualTo(1);
            assertThat(anonymous.at("/article/author/following").asBoolean()).isFalse();
            assertThat(api.profile("jake", null).json().at("/profile/following").asBoolean()).isFalse();
            assertThat(api.articles("", null).json().at("/articles/0/favorited").asBoolean()).isFalse();
            assertThat(api.articles("?favorited=fan", null).json().at("/articles/0/author/following").asBoolean())
                    .isFalse();
        }
        long hits = new AdminCalls(api).call(AdminCalls.READ_CACHE).json().at("/hits").asLong();
        assertThat(hits).as("the anonymous answers came from memory the second time").isGreaterThanOrEqualTo(4);

        var fans = api.article(slug, fan.token()).json();
        assertThat(fans.at("/article/favorited").asBoolean()).isTrue();
        assertThat(fans.at("/article/author/following").asBoolean()).isTrue();
        assertThat(api.profile("jake", fan.token()).json().at("/profile/following").asBoolean()).isTrue();
        assertThat(api.articles("", fan.token()).json().at("/articles/0/favorited").asBoolean()).isTrue();
        assertThat(api.articles("?favorited=fan", fan.token()).json().at("/articles/0/author/following").asBoolean())
                .isTrue();
        assertThat(api.comments(slug, fan.token()).status()).isEqualTo(200);

        var strangers = api.article(slug, stranger.token()).json();
        assertThat(strangers.at("/article/favorited").asBoolean()).isFalse();
        assertThat(strangers.at("/article/author/following").asBoolean()).isFalse();
        assertThat(api.profile("jake", stranger.token()).json().at("/profile/following").asBoolean()).isFalse();

        // A follow changes nothing an anonymous reader sees, and what the stranger sees is theirs alone.
        assertThat(api.follow("jake", stranger.token()).status()).isEqualTo(200);
        assertThat(api.profile("jake", stranger.token()).json().at("/profile/following").asBoolean()).isTrue();
        assertThat(api.profile("jake", null).json().at("/profile/following").asBoolean()).isFalse();
        assertThat(api.article(slug, fan.token()).json().at("/article/favorited").asBoolean()).isTrue();
    }

    @Test
    void aTokenTheServerDoesNotAcceptIsRefusedThoughTheAnonymousAnswerIsInMemory() {
        for (String path : new String[] {"/api/articles/" + slug, "/api/articles", "/api/profiles/jake",
                "/api/articles/" + slug + "/comments"}) {
            assertThat(api.get(path, null).status()).isEqualTo(200);
            assertThat(api.get(path, null).status()).isEqualTo(200);

            assertThat(api.get(path, "not-a-token").status()).as(path).isEqualTo(401);
            assertThat(api.send(api.request(path, null).header("Authorization", "Bearer")).status()).as(path)
                    .isEqualTo(401);
        }
    }
}
