package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.comment.CommentBody;
import io.conduithex.domain.comment.NewComment;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.port.persistence.ArticleRepository;
import io.conduithex.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link ArticleRepository} adapter must do. */
public abstract class ArticleRepositoryContract extends PersistenceContract {

    @Test
    void anInsertedArticleGetsAnIdAndKeepsTheGivenFields() {
        User jake = registered("jake");
        var draft = newArticle(jake, "How to train your dragon", nextInstant(), "dragons", "training");

        Article stored = write(tx -> tx.articles().insert(draft));

        assertThat(stored.id().value()).isPositive();
        assertThat(stored.slug()).isEqualTo(draft.slug());
        assertThat(stored.title()).isEqualTo(draft.title());
        assertThat(stored.description()).isEqualTo(draft.description());
        assertThat(stored.body()).isEqualTo(draft.body());
        assertThat(stored.tags()).isEqualTo(draft.tags());
        assertThat(stored.authorId()).isEqualTo(jake.id());
        assertThat(stored.createdAt()).isEqualTo(draft.createdAt());
        assertThat(stored.updatedAt()).isEqualTo(draft.createdAt());
        assertThat(stored.favoritesCount()).isZero();
        assertThat(findBySlug(draft.slug())).contains(stored);
    }

    @Test
    void findBySlugReturnsTheTagsSorted() {
        User jake = registered("jake");
        givenAnArticleBy(jake, "How to train your dragon", "training", "dragons", "angularjs");

        Article found = findBySlug(new Slug("how-to-train-your-dragon")).orElseThrow();

        assertThat(found.tags().names()).containsExactly("angularjs", "dragons", "training");
    }

    @Test
    void anUnknownSlugFindsNothing() {
        assertThat(findBySlug(new Slug("no-such-article"))).isEmpty();
    }

    @Test
    void aTakenSlugIsAUniqueViolationOnTheSlugColumn() {
        User jake = registered("jake");
        User jane = registered("jane");
        givenAnArticleBy(jake, "How to train your dragon");

        assertThatThrownBy(() -> givenAnArticleBy(jane, "How to train your dragon"))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.isUniqueOn(ArticleRepository.TABLE, ArticleRepository.SLUG)).isTrue());
        assertThat(rowCount("articles")).isEqualTo(1);
    }

    @Test
    void updateStoresTitleDescriptionBodyTagsAndUpdatedAtButNeverSlugAuthorOrCreatedAt() {
        User jake = registered("jake");
        User jane = registered("jane");
        Article original = givenAnArticleBy(jake, "How to train your dragon", "dragons");
        Instant edited = original.createdAt().plusSeconds(3600);
        var change = new Article(original.id(), new Slug("another-slug"), new Title("Did you train your dragon?"),
                new Description("A follow-up"), new ArticleBody("It went well."), TagList.of(List.of("follow-up")),
                jane.id(), original.createdAt().minusSeconds(86_400), edited, 42);

        assertThat(writeFlag(tx -> tx.articles().update(change))).isTrue();

        Article stored = findBySlug(original.slug()).orElseThrow();
        assertThat(stored.title()).isEqualTo(change.title());
        assertThat(stored.description()).isEqualTo(change.description());
        assertThat(stored.body()).isEqualTo(change.body());
        assertThat(stored.tags().names()).containsExactly("follow-up");
        assertThat(stored.updatedAt()).isEqualTo(edited);
        assertThat(stored.slug()).isEqualTo(original.slug());
        assertThat(stored.authorId()).isEqualTo(jake.id());
        assertThat(stored.createdAt()).isEqualTo(original.createdAt());
        assertThat(stored.favoritesCount()).isZero();
        assertThat(findBySlug(new Slug("another-slug"))).isEmpty();
    }

    @Test
    void updateDropsTheTagsLeftOutAndAddsTheNewOnes() {
        User jake = registered("jake");
        Article original = givenAnArticleBy(jake, "How to train your dragon", "dragons", "training");

        write(tx -> tx.articles().update(withTags(original, "training", "flying")));

        assertThat(findBySlug(original.slug()).orElseThrow().tags().names()).containsExactly("flying", "training");
        assertThat(rowCount("article_tags")).isEqualTo(2);
        assertCountersMatchRows();
    }

    @Test
    void updateCanRemoveEveryTag() {
        User jake = registered("jake");
        Article original = givenAnArticleBy(jake, "How to train your dragon", "dragons", "training");

        write(tx -> tx.articles().update(withTags(original)));

        assertThat(findBySlug(original.slug()).orElseThrow().tags().names()).isEmpty();
        assertThat(rowCount("article_tags")).isZero();
        assertCountersMatchRows();
    }

    @Test
    void updatingAnUnknownArticleChangesNothingAndSaysSo() {
        User jake = registered("jake");
        Article article = givenAnArticleBy(jake, "How to train your dragon", "dragons");
        var ghost = new Article(new ArticleId(article.id().value() + 100), new Slug("ghost"), new Title("Ghost"),
                new Description("Boo"), new ArticleBody("Boo!"), TagList.of(List.of("ghosts")), jake.id(),
                article.createdAt(), article.createdAt(), 0);

        assertThat(writeFlag(tx -> tx.articles().update(ghost))).isFalse();
        assertThat(rowCount("article_tags")).isEqualTo(1);
        assertThat(rowCount("tags")).isEqualTo(1);
    }

    @Test
    void deleteRemovesTheArticleWithItsCommentsFavoritesAndTagLinks() {
        User jake = registered("jake");
        User jane = registered("jane");
        Article doomed = givenAnArticleBy(jake, "How to train your dragon", "dragons", "training");
        Article kept = givenAnArticleBy(jake, "How to tame your dragon", "dragons");
        for (Article article : List.of(doomed, kept)) {
            givenFavorited(jane, article);
            givenACommentBy(jane, article, "Nice!");
        }

        assertThat(writeFlag(tx -> tx.articles().delete(doomed.id()))).isTrue();

        assertThat(findBySlug(doomed.slug())).isEmpty();
        assertThat(findBySlug(kept.slug())).isPresent();
        assertThat(rowCount("articles")).isEqualTo(1);
        assertThat(rowCount("comments")).isEqualTo(1);
        assertThat(rowCount("favorites")).isEqualTo(1);
        assertThat(rowCount("article_tags")).isEqualTo(1);
        assertThat(countWithSql("SELECT COUNT(*) FROM article_tags WHERE article_id = " + doomed.id().value()))
                .isZero();
        assertCountersMatchRows();
    }

    @Test
    void deletingAnUnknownArticleSaysSo() {
        User jake = registered("jake");
        Article article = givenAnArticleBy(jake, "How to train your dragon");

        assertThat(writeFlag(tx -> tx.articles().delete(new ArticleId(article.id().value() + 100)))).isFalse();
        assertThat(rowCount("articles")).isEqualTo(1);
    }

    @Test
    void tagsSharedBetweenArticlesAreStoredOnce() {
        User jake = registered("jake");
        User jane = registered("jane");
        givenAnArticleBy(jake, "How to train your dragon", "dragons", "training");
        givenAnArticleBy(jane, "How to tame your dragon", "dragons", "taming");
        Article third = givenAnArticleBy(jane, "Dragons at home", "training");
        write(tx -> tx.articles().update(withTags(third, "training", "dragons")));

        assertThat(rowCount("tags")).isEqualTo(3);
        assertThat(rowCount("article_tags")).isEqualTo(6);
    }

    @Test
    void timestampsRoundTripToTheMillisecond() {
        User jake = registered("jake");
        Instant created = Instant.parse("2016-02-18T03:22:56.637Z");
        Instant updated = Instant.parse("2016-02-18T03:48:35.824Z");
        Article article = givenAnArticleBy(jake, "How to train your dragon", created);

        assertThat(findBySlug(article.slug()).orElseThrow().createdAt()).isEqualTo(created);

        write(tx -> tx.articles().update(new Article(article.id(), article.slug(), article.title(),
                article.description(), article.body(), article.tags(), article.authorId(), article.createdAt(),
                updated, article.favoritesCount())));

        Article stored = findBySlug(article.slug()).orElseThrow();
        assertThat(stored.createdAt()).isEqualTo(created);
        assertThat(stored.updatedAt()).isEqualTo(updated);
    }

    private Optional<Article> findBySlug(Slug slug) {
        return read(tx -> tx.articles().findBySlug(slug));
    }

    private void givenACommentBy(User author, Article article, String body) {
        write(tx -> tx.comments().insert(new NewComment(article.id(), author.id(), new CommentBody(body),
                nextInstant())));
    }

    private static Article withTags(Article article, String... tags) {
        return new Article(article.id(), article.slug(), article.title(), article.description(), article.body(),
                TagList.of(List.of(tags)), article.authorId(), article.createdAt(), article.updatedAt(),
                article.favoritesCount());
    }
}
