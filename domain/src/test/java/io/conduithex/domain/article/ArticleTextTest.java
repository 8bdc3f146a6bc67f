package io.conduithex.domain.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an article's text keeps; the rules it shares with other text values are in TextValueRulesTest. */
class ArticleTextTest {

    @Test
    void anArticleBodyKeepsItsLineBreaksAndTabs() {
        String markdown = "# Dragons\n\n\tcode\r\n- one\n- two";

        assertThat(new ArticleBody(markdown).value()).isEqualTo(markdown);
    }
}
