package io.conduithex.domain.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugTest {

    @Test
    void aTitleGivesLowerCaseWordsJoinedByHyphens() {
        assertThat(Slug.fromTitle(new Title("How to Train Your Dragon!")).value()).isEqualTo("how-to-train-your-dragon");
    }

    @Test
    void aTitleThatWouldGiveTheFeedPathGetsAnotherSlugSoTheArticleCanBeRead() {
        assertThat(Slug.fromTitle(new Title("Feed")).value()).isEqualTo("feed-article");
        assertThat(Slug.fromTitle(new Title(" -- FEED! -- ")).value()).isEqualTo("feed-article");
        assertThat(Slug.fromTitle(new Title("Feed me")).value()).isEqualTo("feed-me");
    }

    @Test
    void aTitleWithoutLettersOrDigitsStillGivesASlug() {
        assertThat(Slug.fromTitle(new Title("!!!")).value()).isEqualTo("article");
    }
}
