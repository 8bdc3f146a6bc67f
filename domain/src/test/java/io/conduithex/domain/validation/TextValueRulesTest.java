package io.conduithex.domain.validation;

import static io.conduithex.domain.validation.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.comment.CommentBody;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.Username;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every required text value shares (see {@link Text}), one row per value type: blank is refused,
 * surrounding white space is stripped, the maximum length holds after stripping. Each type's own rules stay in
 * its own test.
 */
class TextValueRulesTest {
    private static final List<String> BLANKS = Arrays.asList(null, "", "  ", "   ", "\t", "\t\n", " \n\t ");
    /** White space before and after a value, as {@code {before, after}}. */
    private static final List<String[]> PADDINGS =
            List.of(new String[] {" ", " "}, new String[] {"  ", " "}, new String[] {"  ", "\t"},
                    new String[] {"\n  ", " \t\n"});
    private static final String CONTROL_CHARACTERS = "can't contain control characters";

    static Stream<TextValue<?>> textValues() {
        return Stream.of(
                new TextValue<>("Title", Title::new, Title::value, "How to train your dragon", 200, "x"::repeat),
                new TextValue<>("Description", Description::new, Description::value, "Ever wonder?", 1000, "x"::repeat),
                new TextValue<>("Tag", Tag::new, Tag::value, "dragons", 50, "x"::repeat),
                new TextValue<>("ArticleBody", ArticleBody::new, ArticleBody::value, "# Dragons", 100_000, "x"::repeat),
                new TextValue<>("CommentBody", CommentBody::new, CommentBody::value, "Nice one!", 10_000, "x"::repeat),
                new TextValue<>("Username", Username::new, Username::value, "jake", 40, "x"::repeat),
                new TextValue<>("Email", Email::new, Email::value, "jake@example.com", 254,
                        TextValueRulesTest::address),
                new TextValue<>("ImageUrl", ImageUrl::new, ImageUrl::value, "https://example.com/a.png", 2048,
                        TextValueRulesTest::url));
    }

    static Stream<Arguments> blankValues() {
        return textValues().flatMap(type -> BLANKS.stream().map(blank -> arguments(type, blank)));
    }

    static Stream<Arguments> paddedValues() {
        return textValues().flatMap(type -> PADDINGS.stream()
                .map(padding -> arguments(type, padding[0] + type.example() + padding[1])));
    }

    static Stream<Arguments> valuesWithAControlCharacter() {
        return Stream.of(
                refused("Title", Title::new, CONTROL_CHARACTERS, "Ring \u0007 the bell", "two\nlines", "tab\there",
                        "clear \u001b[2J", "\u0001\u0002", "next\u0085line", "del\u007f"),
                refused("Description", Description::new, CONTROL_CHARACTERS, "two\nlines", "carriage\rreturn",
                        "esc \u001b[31m"),
                refused("Email", Email::new, "is invalid", "ja\u0007ke@example.com", "jake\u001b[31m@example.com",
                        "jake@exam\u0000ple.com", "jake@example.c\u007fom", "jake@example.\u0085com"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @MethodSource("blankValues")
    void aBlankValueIsRejected(TextValue<?> type, String blank) {
        assertRejected(() -> type.build(blank), "can't be blank");
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @MethodSource("paddedValues")
    void surroundingWhitespaceIsStripped(TextValue<?> type, String padded) {
        assertThat(type.kept(padded)).isEqualTo(type.example());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textValues")
    void aValueOfTheMaximumLengthIsAccepted(TextValue<?> type) {
        String longest = type.ofLength(type.maxLength());

        assertThat(type.kept(longest)).isEqualTo(longest).hasSize(type.maxLength());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textValues")
    void aValueOverTheMaximumLengthIsRejected(TextValue<?> type) {
        assertRejected(() -> type.build(type.ofLength(type.maxLength() + 1)),
                "is too long (maximum is " + type.maxLength() + " characters)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textValues")
    void theLengthLimitAppliesAfterStripping(TextValue<?> type) {
        String longest = type.ofLength(type.maxLength());

        assertThat(type.kept("   " + longest + "   ")).isEqualTo(longest);
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @MethodSource("valuesWithAControlCharacter")
    void aControlCharacterIsRejected(String typeName, Function<String, ?> constructor, String text, String message) {
        assertRejected(() -> constructor.apply(text), message);
    }

    private static Stream<Arguments> refused(String typeName, Function<String, ?> constructor, String message,
                                             String... texts) {
        return Stream.of(texts).map(text -> arguments(typeName, constructor, text, message));
    }

    /** A well-formed address of {@code length} characters. */
    private static String address(int length) {
        return "a".repeat(length - "@example.com".length()) + "@example.com";
    }

    /** A well-formed image URL of {@code length} characters. */
    private static String url(int length) {
        return "https://example.com/" + "a".repeat(length - "https://example.com/".length());
    }

    /**
     * One kind of required text value: how to build it, what it keeps, a well-formed example, its maximum length
     * (written out, so that a changed limit shows here) and how to make a well-formed value of a given length.
     */
    record TextValue<T>(String name, Function<String, T> constructor, Function<T, String> value, String example,
                        int maxLength, IntFunction<String> valueOfLength) {

        T build(String raw) {
            return constructor.apply(raw);
        }

        String kept(String raw) {
            return value.apply(build(raw));
        }

        String ofLength(int length) {
            return valueOfLength.apply(length);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
