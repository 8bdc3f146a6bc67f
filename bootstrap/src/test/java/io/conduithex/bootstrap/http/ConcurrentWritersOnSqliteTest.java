package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ConduitApi.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.conduithex.testsupport.kit.CapturedLogs;
import io.conduithex.testsupport.kit.Race;
import io.conduithex.testsupport.kit.StoredRows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SQLite serializes writers. Twenty clients writing at once, each as a different user and each mixing every
 * kind of write, must all be served (queued behind the one writer, never turned away as busy) and every
 * write must be stored.
 */
@ExtendWith(CapturedLogs.class)
class ConcurrentWritersOnSqliteTest {
    private static final int CLIENTS = 20;
    private static final int ROUNDS = 5;
    private static final int WRITES_PER_ROUND = 6;

    @RegisterExtension
    final SqliteApplicationExtension app = TestApplication.onFreshSqlite();

    @Test
    void twentyClientsWritingAtOnceAreAllServedAndEveryWriteIsStored() throws Exception {
        var api = new ConduitApi(app.baseUri());
        List<Account> writers = Race.run(CLIENTS, i -> () -> api.registered("writer" + i));
        String commonArticle = api.givenAnArticleBy(writers.get(0), "Common ground");

        List<List<Reply>> sessions = Race.run(CLIENTS, i -> () -> writeSession(api, writers, i, commonArticle));

        List<Reply> replies = sessions.stream().flatMap(List::stream).toList();
        assertThat(replies).hasSize(CLIENTS * ROUNDS * WRITES_PER_ROUND)
                .allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isBetween(200, 299));
        api.assertNoServerErrors();

        var rows = StoredRows.of(app.database());
        int writesOfEachKind = CLIENTS * ROUNDS;
        assertThat(rows.count("SELECT count(*) FROM articles")).isEqualTo(1 + writesOfEachKind);
        assertThat(rows.count("SELECT count(*) FROM comments c JOIN articles a ON a.id = c.article_id"
                + " WHERE a.slug = ?", commonArticle)).isEqualTo(writesOfEachKind);
        assertThat(rows.count("SELECT count(*) FROM follows")).isEqualTo(writesOfEachKind);
        // Every writer favorited each of its own articles, and the common one (once, however often asked).
        assertThat(rows.count("SELECT count(*) FROM favorites")).isEqualTo(writesOfEachKind + CLIENTS);
        assertThat(rows.count("SELECT favorites_count FROM articles WHERE slug = ?", commonArticle))
                .isEqualTo(CLIENTS);
        assertThat(rows.count("SELECT count(*) FROM articles a WHERE a.favorites_count <>"
                + " (SELECT count(*) FROM favorites f WHERE f.article_id = a.id)")).isZero();
        assertThat(rows.count("SELECT count(*) FROM users WHERE bio = 'round ' || ? || ' of ' || username",
                ROUNDS - 1)).as("every writer's last bio").isEqualTo(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            assertThat(rows.count("SELECT count(*) FROM articles a JOIN users u ON u.id = a.author_id"
                    + " WHERE u.username = ? AND a.title LIKE 'By %'", "writer" + i)).isEqualTo(ROUNDS);
        }
    }

    /**
     * One client's writes, in rounds: publish an article, comment on the common article, favorite both,
     * follow another writer, update its bio. Stops at the first article that is not created, since the
     * rest of the round needs it; the caller sees the missing replies.
     */
    private static List<Reply> writeSession(ConduitApi api, List<Account> writers, int client, String commonArticle) {
        Account me = writers.get(client);
        var replies = new ArrayList<Reply>();
        for (int round = 0; round < ROUNDS; round++) {
            Reply created = api.createArticle(me.token(),
                    article("By " + me.username() + " in round " + round, "Round " + round, "Written at once"));
            replies.add(created);
            if (created.status() != 201) {
                return replies;
            }
            String slug = created.at("/article/slug");
            replies.add(api.addComment(me.token(), commonArticle, "Round " + round + " from " + me.username()));
            replies.add(api.favorite(slug, me.token()));
            replies.add(api.favorite(commonArticle, me.token()));
            // A different writer each round: ROUNDS < CLIENTS, so no follow repeats and none is of oneself.
            replies.add(api.follow(writers.get((client + round + 1) % CLIENTS).username(), me.token()));
            replies.add(api.updateUser(me.token(), "{\"bio\":\"round " + round + " of " + me.username() + "\"}"));
        }
        return replies;
    }
}
