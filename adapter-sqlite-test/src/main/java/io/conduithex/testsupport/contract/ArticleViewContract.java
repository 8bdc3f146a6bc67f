package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.comment.CommentView;
import io.conduithex.domain.port.persistence.ArticleReadModel;
import io.conduithex.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One article, its comments and the tags in use through {@link ArticleReadModel}, with the reader's own flags.
 */
public abstract class ArticleViewContract extends ArticleReadModelContract {

    @Test
    void theViewOfOneArticleHasItsBodyAndTagsButListsNeverCarryBodies() {
        User jake = registered("jake");
        Article article = givenAnArticleBy(jake, "How to train your dragon", Instant.parse(
                "2016-02-18T03:22:56.637Z"), "training", "dragons");

        ArticleView view = view(article.slug(), ANONYMOUS);

        assertThat(view.article().body()).isEqualTo(article.body());
        assertThat(view.article().tags().names()).containsExactly("dragons", "training");
        assertThat(view.article().createdAt()).isEqualTo(Instant.parse("2016-02-18T03:22:56.637Z"));
        assertThat(view.author().username()).isEqualTo(jake.username());
        assertThat(list(ArticleFilter.ALL, PageRequest.FIRST, ANONYMOUS).articles())
                .allSatisfy(listed -> assertThat(listed.article().body()).isNull());
    }

    @Test
    void theViewOfAnUnknownSlugIsEmpty() {
        assertThat(maybeView(new Slug("no-such-article"), ANONYMOUS)).isEmpty();
    }

    @Test
    void favoritedAndFollowingAreTheViewersOwnAndFalseForAnAnonymousReader() {
        User reader = registered("reader");
        User jake = registered("jake");
        User jane = registered("jane");
        Article byJake = givenAnArticleBy(jake, "By Jake");
        Article byJane = givenAnArticleBy(jane, "By Jane");
        givenFollowing(reader, jake);
        givenFavorited(reader, byJane);
        givenFavorited(jake, byJake);

        ArticleView jakes = view(byJake.slug(), Optional.of(reader.id()));
        ArticleView janes = view(byJane.slug(), Optional.of(reader.id()));
        assertThat(jakes.author().following()).isTrue();
        assertThat(jakes.favorited()).isFalse();
        assertThat(janes.author().following()).isFalse();
        assertThat(janes.favorited()).isTrue();

        List<ArticleView> listed = list(ArticleFilter.ALL, PageRequest.FIRST, Optional.of(reader.id())).articles();
        assertThat(listed).extracting(v -> v.article().title().value(), v -> v.favorited(), v -> v.author().following())
                .containsExactly(
                        tuple("By Jane", true, false),
                        tuple("By Jake", false, true));

        List<ArticleView> anonymous = list(ArticleFilter.ALL, PageRequest.FIRST, ANONYMOUS).articles();
        assertThat(anonymous).allSatisfy(v -> {
            assertThat(v.favorited()).isFalse();
            assertThat(v.author().following()).isFalse();
        });
        assertThat(view(byJane.slug(), ANONYMOUS).favorited()).isFalse();
        assertThat(view(byJake.slug(), ANONYMOUS).author().following()).isFalse();
    }

    @Test
    void commentsComeOldestFirstWithTheirAuthorsAsTheViewerSeesThem() {
        User reader = registered("reader");
        User jake = registered("jake");
        User jane = registered("jane");
        Article article = givenAnArticleBy(jake, "How to train your dragon");
        Article other = givenAnArticleBy(jake, "How to tame your dragon");
        givenACommentBy(jane, article, "First!");
        givenACommentBy(jake, article, "Thanks");
        givenACommentBy(jane, other, "Elsewhere");
        givenACommentBy(reader, article, "Late to the party");
        givenFollowing(reader, jane);

        List<CommentView> comments = comments(article.slug(), Optional.of(reader.id()));

        assertThat(comments).extracting(c -> c.comment().body().value(), c -> c.author().username().value(),
                        c -> c.author().following())
                .containsExactly(
                        tuple("First!", "jane", true),
                        tuple("Thanks", "jake", false),
                        tuple("Late to the party", "reader", false));
        assertThat(comments(article.slug(), ANONYMOUS))
                .allSatisfy(c -> assertThat(c.author().following()).isFalse());
        assertThat(comments(new Slug("no-such-article"), ANONYMOUS)).isEmpty();
    }

    @Test
    void tagsListsEachTagInUseOnceInTheSameOrderAsAnArticlesTags() {
        User jake = registered("jake");
        givenAnArticleBy(jake, "Dragons", "training", "dragons", "Zebras");
        givenAnArticleBy(jake, "More dragons", "dragons", "dragon-riding", "angularjs");
        Article doomed = givenAnArticleBy(jake, "Soon gone", "unused-soon", "dragons");
        write(tx -> tx.articles().delete(doomed.id()));

        List<String> tags = tagsInUse();

        // The order of Tag.compareTo, which is how every article's TagList is sorted, whatever the collation.
        assertThat(tags).containsExactly("Zebras", "angularjs", "dragon-riding", "dragons", "training");
    }

    @Test
    void noTagsAreInUseInAnEmptyDatabase() {
        assertThat(tagsInUse()).isEmpty();
    }
}
