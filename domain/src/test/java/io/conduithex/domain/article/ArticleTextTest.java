package io.conduithex.domain.article;

import static io.conduithex.domain.validation.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Ring \u0007 the bell", "two\nlines", "tab\there", "clear \u001b[2J", "\u0001\u0002",
                            "next\u0085line", "del\u007f"})
    void aTitleWithAControlCharacterIsRejected(String title) {
        assertRejected(() -> new Title(title), "can't contain control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"two\nlines", "carriage\rreturn", "esc \u001b[31m"})
    void aDescriptionWithAControlCharacterIsRejected(String description) {
        assertRejected(() -> new Description(description), "can't contain control characters");
    }

    @Test
    void surroundingLineBreaksAreStrippedRatherThanRefused() {
        assertThat(new Title("\n  How to train your dragon \t\n").value()).isEqualTo("How to train your dragon");
    }

    @Test
    void aBlankTitleIsStillCalledBlank() {
        assertRejected(() -> new Title(" \n\t "), "can't be blank");
    }

    @Test
    void anArticleBodyKeepsItsLineBreaksAndTabs() {
        String markdown = "# Dragons\n\n\tcode\r\n- one\n- two";

        assertThat(new ArticleBody(markdown).value()).isEqualTo(markdown);
    }
}
