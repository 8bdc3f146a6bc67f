package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.comment.CommentBody;
import io.conduithex.domain.comment.CommentView;
import io.conduithex.domain.port.persistence.SeedWriter;
import io.conduithex.domain.seed.SeedArticle;
import io.conduithex.domain.seed.SeedComment;
import io.conduithex.domain.seed.SeedFollow;
import io.conduithex.domain.seed.SeedRun;
import io.conduithex.domain.seed.SeedUser;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bulk-load port: batches stored whole, exactly once, with favorites counts that match the favorites. */
public abstract class SeedWriterContract extends PersistenceContract {
    private static final Instant STARTED = Instant.parse("2026-01-02T03:04:05.678Z");

    private SeedWriter writer() {
        return database.persistence().seedWriter();
    }

    @Test
    void articlesAreStoredWithTheirTagsFavoritesAndCommentsAndACountEqualToTheirFavorites() {
        writer().begin("run", 3, 2, 2, STARTED);
        List<UserId> ids = writer().writeUsers("run", 0, List.of(user("ann"), user("bob"), user("cid")));
        Instant published = Instant.parse("2025-05-06T07:08:09.123Z");

        writer().writeArticles("run", 0, List.of(
                article("first-run", ids.get(0), published, List.of("java", "sql"), List.of(ids.get(1), ids.get(2)),
                        List.of(comment(ids.get(1), published.plusMillis(1)), comment(ids.get(2), published.plusMillis(2)))),
                article("second-run", ids.get(1), published.plusSeconds(60), List.of("sql"), List.of(), List.of())));

        assertThat(rowCount("articles")).isEqualTo(2);
        assertThat(rowCount("tags")).isEqualTo(2);
        assertThat(rowCount("article_tags")).isEqualTo(3);
        assertThat(rowCount("favorites")).isEqualTo(2);
        assertThat(rowCount("comments")).isEqualTo(2);
        assertThat(countWithSql("""
                SELECT COUNT(*) FROM articles a
                 WHERE a.favorites_count <> (SELECT COUNT(*) FROM favorites f WHERE f.article_id = a.id)""")).isZero();
        Article first = read(tx -> tx.articles().findBySlug(new Slug("first-run"))).orElseThrow();
        assertThat(first.favoritesCount()).isEqualTo(2);
        assertCountersMatchRows();
        assertThat(first.createdAt()).isEqualTo(published);
        assertThat(first.updatedAt()).isEqualTo(published);
        assertThat(first.authorId()).isEqualTo(ids.get(0));
        assertThat(first.tags().names()).containsExactly("java", "sql");
        List<CommentView> comments = read(tx -> tx.articleReads().comments(first.slug(), Optional.empty()));
        assertThat(comments).extracting(view -> view.comment().createdAt()).containsExactlyInAnyOrder(published.plusMillis(1), published.plusMillis(2));
        assertThat(writer().begin("run", 3, 2, 2, STARTED).articlesDone()).isEqualTo(2);
    }

    @Test
    void usersKeepTheirOptionalFieldsAndAreFoundAgainInTheOrderAsked() {
        writer().begin("run", 2, 0, 0, STARTED);
        var withBio = new SeedUser(new Username("Dee"), new Email("dee@example.com"), new PasswordHash("h"),
                new Bio("Writes."), new ImageUrl("https://images.example.com/dee.jpg"));
        List<UserId> ids = writer().writeUsers("run", 0, List.of(user("eve"), withBio));

        assertThat(writer().findUsers(List.of(new Username("DEE"), new Username("eve"))))
                .containsExactly(ids.get(1), ids.get(0));
        var dee = read(tx -> tx.users().findById(ids.get(1))).orElseThrow();
        assertThat(dee.bio()).isEqualTo(new Bio("Writes."));
        assertThat(dee.image()).isEqualTo(new ImageUrl("https://images.example.com/dee.jpg"));
        assertThat(read(tx -> tx.users().findById(ids.get(0))).orElseThrow().bio()).isNull();
    }

    @Test
    void aBatchThatDoesNotStartWhereTheRunStandsWritesNothing() {
        writer().begin("run", 4, 0, 0, STARTED);
        List<UserId> ids = writer().writeUsers("run", 0, List.of(user("fay"), user("gus")));

        assertThatThrownBy(() -> writer().writeUsers("run", 0, List.of(user("hal"), user("ivy"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("users_done = 0");
        assertThatThrownBy(() -> writer().writeFollows("run", 1, 2,
                List.of(new SeedFollow(ids.get(0), ids.get(1)))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(rowCount("users")).isEqualTo(2);
        assertThat(rowCount("follows")).isZero();
        assertThat(writer().begin("run", 4, 0, 0, STARTED).usersDone()).isEqualTo(2);
    }

    @Test
    void beginKeepsAnExistingRunAsItIsAndAFinishedRunTakesNoMoreBatches() {
        SeedRun started = writer().begin("run", 10, 20, 30, STARTED);
        SeedRun again = writer().begin("run", 1, 2, 3, STARTED.plusSeconds(5));
        SeedRun finished = writer().finish("run", STARTED.plusSeconds(9));

        assertThat(started).isEqualTo(new SeedRun("run", 10, 20, 30, 0, 0, 0, STARTED, null));
        assertThat(again).isEqualTo(started);
        assertThat(finished.finishedAt()).isEqualTo(STARTED.plusSeconds(9));
        assertThatThrownBy(() -> writer().writeUsers("run", 0, List.of(user("jo"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(rowCount("users")).isZero();
    }

    @Test
    void tagsAnotherBatchCreatedAreReused() {
        writer().begin("run", 1, 2, 0, STARTED);
        UserId author = writer().writeUsers("run", 0, List.of(user("kai"))).get(0);

        writer().writeArticles("run", 0, List.of(article("one", author, STARTED, List.of("go"), List.of(), List.of())));
        writer().writeArticles("run", 1, List.of(article("two", author, STARTED, List.of("go"), List.of(), List.of())));

        assertThat(rowCount("tags")).isEqualTo(1);
        assertThat(rowCount("article_tags")).isEqualTo(2);
        assertCountersMatchRows();
    }

    private static SeedUser user(String name) {
        return new SeedUser(new Username(name), new Email(name + "@example.com"), new PasswordHash("hash"), null, null);
    }

    private static SeedComment comment(UserId author, Instant at) {
        return new SeedComment(author, new CommentBody("Nice one."), at);
    }

    private static SeedArticle article(String slug, UserId author, Instant at, List<String> tags, List<UserId> fans,
                                       List<SeedComment> comments) {
        return new SeedArticle(new Slug(slug), new Title("Title of " + slug), new Description("About " + slug),
                new ArticleBody("Para one.\n\nPara two."), author, at, tags.stream().map(Tag::new).toList(), fans,
                comments);
    }
}
