package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.ApplicationExtension;
import io.conduithex.testsupport.ApplicationLauncher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that writes never reads its write stale, though every anonymous read it makes may be answered from the
 * read cache: a thousand rounds, each an anonymous read (which the previous round left in memory), a write of one
 * kind or another through the API, and the same anonymous read, which must show the write. Written once, run on
 * every database.
 */
abstract class ReadCacheWriterRounds extends OnEveryDatabase {
    private static final int ROUNDS = 1_000;

    /** The application with the read cache on (its default) and the admin API, to count what memory served. */
    static ApplicationLauncher launcher() {
        return TestApplication.launcher(TestApplication.config(Map.of(AppConfig.ADMIN_TOKEN, AdminCalls.TOKEN)));
    }

    private ConduitApi api;
    private Account jake;
    private Account celeb;
    private String slug;

    ReadCacheWriterRounds(ApplicationExtension app) {
        super(app);
    }

    @BeforeEach
    final void anArticleByJake() {
        api = new ConduitApi(app().baseUri());
        jake = api.registered("jake");
        celeb = api.registered("celeb");
        slug = api.givenAnArticleBy(jake, "Rounds", "rounds");
    }

    @AfterEach
    final void noRequestFailedWithAServerError() {
        api.assertNoServerErrors();
    }

    /** One kind of write, and the anonymous read that must show it. */
    private interface Round {
        /** Writes through the API as {@code round}; returns what the read must show. */
        String write(int round);

        /** Reads anonymously what the write changed, as text to look for the write's mark in. */
        String read();
    }

    @Test
    void aThousandWritesAreEachSeenByTheNextAnonymousRead() {
        List<Round> kinds = List.of(comment(), articleUpdate(), listedArticleUpdate(), favorite(), favoritedList(),
                bio(), authorBio());
        List<String> stale = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Round kind = kinds.get(round % kinds.size());
            kind.read();
            String mark = kind.write(round);
            String seen = kind.read();
            if (!seen.contains(mark)) {
                stale.add("round " + round + " (" + kind.getClass().getSimpleName() + "): wrote " + mark
                        + ", read " + seen);
            }
        }

        assertThat(stale).as("anonymous reads that did not show the write just acknowledged").isEmpty();
        var cache = new AdminCalls(api).call(AdminCalls.READ_CACHE).json();
        assertThat(cache.at("/hits").asLong()).as("reads answered from memory: the rounds tested the cache")
                .isPositive();
    }

    private Round comment() {
        return new Round() {
            @Override
            public String write(int round) {
                return "\"id\":" + api.givenACommentBy(celeb, slug, "comment of round " + round) + ",";
            }

            @Override
            public String read() {
                return ok(api.comments(slug, null)).body();
            }
        };
    }

    private Round articleUpdate() {
        return new Round() {
            @Override
            public String write(int round) {
                String body = "body of round " + round;
                ok(api.updateArticle(jake.token(), slug, "{\"body\":\"" + body + "\"}"));
                return "\"body\":\"" + body + "\"";
            }

            @Override
            public String read() {
                return ok(api.article(slug, null)).body();
            }
        };
    }

    private Round listedArticleUpdate() {
        return new Round() {
            @Override
            public String write(int round) {
                String description = "description of round " + round;
                ok(api.updateArticle(jake.token(), slug, "{\"description\":\"" + description + "\"}"));
                return "\"description\":\"" + description + "\"";
            }

            @Override
            public String read() {
                return ok(api.articles("?limit=20", null)).body();
            }
        };
    }

    private Round favorite() {
        return new Round() {
            @Override
            public String write(int round) {
                // Favorited on even visits, unfavorited on odd ones: the count goes 0, 1, 0, 1...
                boolean favorite = ok(api.article(slug, celeb.token())).json().at("/article/favorited").asBoolean();
                ok(favorite ? api.unfavorite(slug, celeb.token()) : api.favorite(slug, celeb.token()));
                return "\"favoritesCount\":" + (favorite ? 0 : 1);
            }

            @Override
            public String read() {
                return ok(api.article(slug, null)).body();
            }
        };
    }

    private Round favoritedList() {
        return new Round() {
            @Override
            public String write(int round) {
                boolean favorite = ok(api.article(slug, celeb.token())).json().at("/article/favorited").asBoolean();
                ok(favorite ? api.unfavorite(slug, celeb.token()) : api.favorite(slug, celeb.token()));
                return "\"articlesCount\":" + (favorite ? 0 : 1);
            }

            @Override
            public String read() {
                return ok(api.articles("?favorited=celeb", null)).body();
            }
        };
    }

    private Round bio() {
        return new Round() {
            @Override
            public String write(int round) {
                String bio = "bio of round " + round;
                api.updatedUser(jake, "{\"bio\":\"" + bio + "\"}");
                return "\"bio\":\"" + bio + "\"";
            }

            @Override
            public String read() {
                return ok(api.profile("jake", null)).body();
            }
        };
    }

    private Round authorBio() {
        return new Round() {
            @Override
            public String write(int round) {
                String bio = "author's bio of round " + round;
                api.updatedUser(jake, "{\"bio\":\"" + bio + "\"}");
                return "\"bio\":\"" + bio + "\"";
            }

            @Override
            public String read() {
                // The author's profile inside each comment and the article.
                return ok(api.comments(slug, null)).body() + ok(api.article(slug, null)).body();
            }
        };
    }

    private static ConduitApi.Reply ok(ConduitApi.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
        return reply;
    }
}
