package io.conduithex.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conduithex.application.article.ArticleCommand;
import io.conduithex.application.article.ArticleUpdateCommand;
import io.conduithex.application.comment.CommentCommand;
import io.conduithex.application.command.FieldChange;
import io.conduithex.domain.validation.FieldErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code article} and {@code comment} objects of request bodies as commands, their fields read as
 * {@link RequestFields} reads them: a field of the wrong JSON type is reported as such before any value is
 * validated.
 */
final class ArticleRequests {
    static final String ARTICLE = "article";
    static final String COMMENT = "comment";
    static final String TAG_LIST = "tagList";
    static final String NOT_AN_ARRAY = "must be an array of strings";

    private ArticleRequests() {
    }

    /**
     * A new article: title, description and body required, tagList optional ({@code null} means none). Its
     * fields are read as an update's and applied to nothing: absent and {@code null} alike leave a field out.
     */
    static ArticleCommand creation(ObjectNode article) {
        var fields = ArticleFields.read(article);
        return ArticleCommand.of(fields.title().applyTo(null), fields.description().applyTo(null),
                fields.body().applyTo(null), fields.tagList().applyTo(null));
    }

    /**
     * A partial update: an absent field is left unchanged. {@code null} clears a field, which title, description
     * and body refuse; a {@code null} tagList removes every tag.
     */
    static ArticleUpdateCommand update(ObjectNode article) {
        var fields = ArticleFields.read(article);
        return ArticleUpdateCommand.of(fields.title(), fields.description(), fields.body(), fields.tagList());
    }

    static CommentCommand comment(ObjectNode comment) {
        var types = FieldErrors.builder();
        String body = RequestFields.text(comment, "body", types);
        types.throwIfAny();
        return CommentCommand.of(body);
    }

    /** The fields of an {@code article} object, each as sent; a field of the wrong JSON type is refused here. */
    private record ArticleFields(FieldChange<String> title, FieldChange<String> description, FieldChange<String> body,
                                 FieldChange<List<String>> tagList) {

        static ArticleFields read(ObjectNode article) {
            var types = FieldErrors.builder();
            var fields = new ArticleFields(
                    RequestFields.change(article, "title", types),
                    RequestFields.change(article, "description", types),
                    RequestFields.change(article, "body", types),
                    RequestFields.change(article, TAG_LIST, value -> tagNames(value, types)));
            types.throwIfAny();
            return fields;
        }
    }

    /**
     * The tag names as sent, or null when tagList is not an array; which of them are acceptable tags is for the
     * command to say.
     */
    private static List<String> tagNames(JsonNode value, FieldErrors.Builder types) {
        if (!value.isArray()) {
            types.add(TAG_LIST, NOT_AN_ARRAY);
            return null;
        }
        var names = new ArrayList<String>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode name = value.get(i);
            if (!name.isTextual()) {
                types.add(TAG_LIST, "tag " + (i + 1) + " " + RequestFields.NOT_A_STRING);
                continue;
            }
            names.add(name.textValue());
        }
        return names;
    }
}
