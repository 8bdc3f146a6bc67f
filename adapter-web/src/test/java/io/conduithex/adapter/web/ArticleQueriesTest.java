package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.user.Username;
import io.conduithex.domain.validation.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleQueriesTest {
    private static final Map<String, List<String>> BAD_LIMIT = Map.of("limit", List.of("must be between 1 and 100"));
    private static final Map<String, List<String>> BAD_OFFSET =
            Map.of("offset", List.of("must be between 0 and 10000"));

    @Test
    void withoutParametersThePageIsTheFirstTwenty() {
        assertThat(ArticleQueries.page(null, null)).isEqualTo(new PageRequest(20, 0));
    }

    @Test
    void plainNumbersWithinTheBoundsAreTaken() {
        assertThat(ArticleQueries.page("1", "0")).isEqualTo(new PageRequest(1, 0));
        assertThat(ArticleQueries.page("100", "10000")).isEqualTo(new PageRequest(100, 10_000));
        assertThat(ArticleQueries.page("005", "0007")).isEqualTo(new PageRequest(5, 7));
        assertThat(ArticleQueries.page("0".repeat(30) + "20", "0".repeat(30))).isEqualTo(new PageRequest(20, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "", " 5", "+5", "5.0", "1e2", "ten", "99999999999999999999",
            "0x10", "２"})
    void anyOtherLimitIs422NamingIt(String limit) {
        assertThatThrownBy(() -> ArticleQueries.page(limit, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().asMap()).isEqualTo(BAD_LIMIT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "10001", "10000000", "", "abc", "99999999999999999999", "1.5", "5 ", "12a",
            "0001000000000"})
    void anyOtherOffsetIs422NamingIt(String offset) {
        assertThatThrownBy(() -> ArticleQueries.page(null, offset))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().asMap()).isEqualTo(BAD_OFFSET));
    }

    @Test
    void aBadLimitAndABadOffsetAreReportedTogether() {
        assertThatThrownBy(() -> ArticleQueries.page("0", "-5"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().asMap()).containsOnlyKeys("limit", "offset"));
    }

    @Test
    void theFilterNamesWhatWasAskedFor() {
        var filter = ArticleQueries.filter("dragons", "jake", "celeb").orElseThrow();

        assertThat(filter.tag()).contains(new Tag("dragons"));
        assertThat(filter.author()).contains(new Username("jake"));
        assertThat(filter.favoritedBy()).contains(new Username("celeb"));
        assertThat(ArticleQueries.filter(null, null, null).orElseThrow().tag()).isEmpty();
    }

    @Test
    void aFilterValueNoTagOrUserCouldHaveMatchesNothing() {
        assertThat(ArticleQueries.filter("", null, null)).isEmpty();
        assertThat(ArticleQueries.filter("x".repeat(51), null, null)).isEmpty();
        assertThat(ArticleQueries.filter(null, "not a name!", null)).isEmpty();
        assertThat(ArticleQueries.filter(null, null, " ")).isEmpty();
    }
}
