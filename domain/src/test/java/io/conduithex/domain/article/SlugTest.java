package io.conduithex.domain.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.validation.RandomTexts;
import java.util.regex.Pattern;
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

    @Test
    void theShapeCheckAcceptsExactlyWhatTheSlugPatternDescribes() {
        // The shape is checked by hand for speed; it must agree with the pattern it replaced on every string.
        var pattern = Pattern.compile("^[\\p{Ll}\\p{Lo}\\p{N}]+(-[\\p{Ll}\\p{Lo}\\p{N}]+)*$");
        String[] pieces = {"a", "z", "Z", "-", "--", "1", "\u00e9", "\u00df", "\u01c5", "\u4e2d", "\u216b", "\u00bd",
            "\u0663", " ", "_", ".", "\u0301", "\ud83d\ude00", "\ud835\udc4e", "\ud800", "\u02b0", "\u00aa"};
        for (String text : RandomTexts.of(pieces, 6, 50_000, 42)) {
            assertThat(Slug.isWellFormed(text)).as("'%s'", text)
                    .isEqualTo(!text.isEmpty() && pattern.matcher(text).matches());
        }
    }
}
