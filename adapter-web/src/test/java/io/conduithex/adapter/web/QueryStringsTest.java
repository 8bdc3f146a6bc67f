package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryStringsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"limit=20&offset=0", "tag=%F0%9F%90%89", "author=a+b", "tag=%C3%28", "limit=%31%30"})
    void aQueryThatDecodesIsLetThrough(String query) {
        assertThatCode(() -> QueryStrings.requireWellFormed(query)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=%", "limit=%2", "offset=%zz", "tag=dragons&limit=1%", "%=1"})
    void aQueryWithBrokenPercentEncodingIsRefused(String query) {
        assertThatThrownBy(() -> QueryStrings.requireWellFormed(query))
                .isInstanceOfSatisfying(MalformedRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("query");
                    assertThat(e.getMessage()).isEqualTo(QueryStrings.MALFORMED);
                });
    }
}
