package io.conduithex.adapter.web;

import static io.conduithex.adapter.web.InvalidRequests.assertInvalid;
import static io.conduithex.adapter.web.InvalidRequests.blank;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conduithex.application.command.FieldChange;
import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.article.Title;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleRequestsTest {

    @Test
    void aNewArticleKeepsItsTagsDistinctAndSorted() {
        var command = ArticleRequests.creation(article(
                "{\"title\":\"T\",\"description\":\"D\",\"body\":\"B\",\"tagList\":[\"training\",\"dragons\",\"training\"]}"));

        assertThat(command.tags().names()).containsExactly("dragons", "training");
    }

    @Test
    void aNewArticleWithoutTagsOrWithNullTagsHasNone() {
        assertThat(ArticleRequests.creation(article("{\"title\":\"T\",\"description\":\"D\",\"body\":\"B\"}")).tags())
                .isEqualTo(TagList.EMPTY);
        assertThat(ArticleRequests.creation(
                article("{\"title\":\"T\",\"description\":\"D\",\"body\":\"B\",\"tagList\":null}")).tags())
                .isEqualTo(TagList.EMPTY);
    }

    @Test
    void everyMissingFieldOfANewArticleIsNamed() {
        assertInvalid(() -> ArticleRequests.creation(article("{}")), blank("title", "description", "body"));
    }

    @Test
    void fieldsOfTheWrongTypeAreNamedBeforeValuesAreChecked() {
        assertInvalid(() -> ArticleRequests.creation(article(
                        "{\"title\":1,\"description\":[],\"body\":{},\"tagList\":\"dragons\"}")),
                Map.of("title", List.of("must be a string"), "description", List.of("must be a string"),
                        "body", List.of("must be a string"), "tagList", List.of("must be an array of strings")));
    }

    @Test
    void aTagThatIsNotAStringOrIsBlankIsNamedByPosition() {
        assertInvalid(() -> ArticleRequests.creation(article(
                        "{\"title\":\"T\",\"description\":\"D\",\"body\":\"B\",\"tagList\":[\"ok\",7,null]}")),
                Map.of("tagList", List.of("tag 2 must be a string", "tag 3 must be a string")));
        assertInvalid(() -> ArticleRequests.creation(article(
                        "{\"title\":\"T\",\"description\":\"D\",\"body\":\"B\",\"tagList\":[\"ok\",\"  \"]}")),
                Map.of("tagList", List.of("tag 2 can't be blank")));
    }

    @Test
    void anUpdateChangesOnlyTheFieldsItNames() {
        var command = ArticleRequests.update(article("{\"title\":\"New title\"}"));

        assertThat(command.title()).isEqualTo(FieldChange.setTo(new Title("New title")));
        assertThat(List.of(command.description(), command.body(), command.tags()))
                .allMatch(change -> change instanceof FieldChange.Unchanged);
    }

    @Test
    void anUpdateWithNullTagsRemovesThemAll() {
        assertThat(ArticleRequests.update(article("{\"tagList\":null}")).tags())
                .isEqualTo(FieldChange.setTo(TagList.EMPTY));
        assertThat(ArticleRequests.update(article("{\"tagList\":[]}")).tags())
                .isEqualTo(FieldChange.setTo(TagList.EMPTY));
    }

    @Test
    void anUpdateCannotClearTheTitleDescriptionOrBody() {
        assertInvalid(() -> ArticleRequests.update(article("{\"title\":null,\"description\":\"\",\"body\":null}")),
                blank("title", "description", "body"));
    }

    @Test
    void anUpdatedBodyIsValidated() {
        assertThat(ArticleRequests.update(article("{\"body\":\"With two hands\"}")).body())
                .isEqualTo(FieldChange.setTo(new ArticleBody("With two hands")));
        assertInvalid(() -> ArticleRequests.update(article("{\"body\":5}")), Map.of("body", List.of("must be a string")));
    }

    @Test
    void aCommentNeedsABodyThatIsAString() {
        assertThat(ArticleRequests.comment(comment("{\"body\":\"Thank you so much!\"}")).body().value())
                .isEqualTo("Thank you so much!");
        assertInvalid(() -> ArticleRequests.comment(comment("{}")), blank("body"));
        assertInvalid(() -> ArticleRequests.comment(comment("{\"body\":true}")),
                Map.of("body", List.of("must be a string")));
    }

    @Test
    void aFieldWhoseTextContainsTheNulCharacterIsNamed() {
        assertInvalid(() -> article("{\"title\":\"a\\u0000b\",\"body\":\"ok\",\"tagList\":[\"ok\",\"\\u0000\"]}"),
                Map.of("title", List.of("can't contain the NUL character"),
                        "tagList", List.of("can't contain the NUL character")));
    }

    private static ObjectNode article(String json) {
        return RequestBody.wrapped(("{\"article\":" + json + "}").getBytes(StandardCharsets.UTF_8),
                ArticleRequests.ARTICLE);
    }

    private static ObjectNode comment(String json) {
        return RequestBody.wrapped(("{\"comment\":" + json + "}").getBytes(StandardCharsets.UTF_8),
                ArticleRequests.COMMENT);
    }
}
