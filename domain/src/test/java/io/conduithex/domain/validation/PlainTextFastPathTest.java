package io.conduithex.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.user.Username;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The value objects take a shortcut for plain ASCII text; on every string, what they accept and keep must be
 * what their full rules (written out here as they were before the shortcut) accept and keep.
 */
class PlainTextFastPathTest {
    private static final String[] PIECES = {"a", "Z", "7", "-", "_", ".", " ", "  ", "\t", "\n", "\u0000", "\u007f",
        "\u00a0", "\u2003", "\u00e9", "\u4e2d", "\u0663", "!", "~", "/", "\ud83d\ude00", "abcdefghij"};
    private static final Pattern USERNAME = Pattern.compile("^[\\p{L}\\p{N}_.-]+$");

    @Test
    void usernamesAgreeWithTheFullRules() {
        agree(Username::new, Username::value, raw -> {
            String stripped = raw.strip();
            return stripped.length() <= Username.MAX_LENGTH && USERNAME.matcher(stripped).matches()
                    ? Optional.of(stripped) : Optional.empty();
        });
    }

    @Test
    void titlesDescriptionsAndTagsAgreeWithTheFullRules() {
        agree(Title::new, Title::value, raw -> line(raw, Title.MAX_LENGTH));
        agree(Description::new, Description::value, raw -> line(raw, Description.MAX_LENGTH));
        agree(Tag::new, Tag::value, raw -> line(raw, Tag.MAX_LENGTH));
    }

    @Test
    void tagListsAreSortedAndDistinctHoweverTheyAreGiven() {
        var tags = List.of(new Tag("b"), new Tag("a"), new Tag("b"), new Tag("C"));

        assertThat(new TagList(tags).names()).containsExactly("C", "a", "b");
        assertThat(new TagList(List.of(new Tag("a"), new Tag("b"))).names()).containsExactly("a", "b");
    }

    private static Optional<String> line(String raw, int maxLength) {
        String stripped = raw.strip();
        boolean control = stripped.chars().anyMatch(Character::isISOControl);
        return !stripped.isEmpty() && stripped.length() <= maxLength && !control
                ? Optional.of(stripped) : Optional.empty();
    }

    private static <T> void agree(Function<String, T> build, Function<T, String> value,
                                  Function<String, Optional<String>> rules) {
        for (String raw : RandomTexts.of(PIECES, 11, 50_000, 20261123)) {
            Optional<String> built;
            try {
                built = Optional.of(value.apply(build.apply(raw)));
            } catch (InvalidValueException e) {
                built = Optional.empty();
            }
            assertThat(built).as("'%s'", raw).isEqualTo(rules.apply(raw));
        }
    }
}
