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

    /** A new article: title, description and body required, tagList optional ({@code null} means none). */
    static ArticleCommand creation(ObjectNode article) {
        var types = FieldErrors.builder();
        String title = RequestFields.text(article, "title", types);
        String description = RequestFields.text(article, "description", types);
        String body = RequestFields.text(article, "body", types);
        var tags = tagList(article, types);
        types.throwIfAny();
        return ArticleCommand.of(title, description, body, tags instanceof FieldChange.SetTo<List<String>> set
                ? set.value() : null);
    }

    /**
     * A partial update: an absent field is left unchanged. {@code null} clears a field, which title, description
     * and body refuse; a {@code null} tagList removes every tag.
     */
    static ArticleUpdateCommand update(ObjectNode article) {
        var types = FieldErrors.builder();
        var title = RequestFields.change(article, "title", types);
        var description = RequestFields.change(article, "description", types);
        var body = RequestFields.change(article, "body", types);
        var tags = tagList(article, types);
        types.throwIfAny();
        return ArticleUpdateCommand.of(title, description, body, tags);
    }

    static CommentCommand comment(ObjectNode comment) {
        var types = FieldErrors.builder();
        String body = RequestFields.text(comment, "body", types);
        types.throwIfAny();
        return CommentCommand.of(body);
    }

    private static FieldChange<List<String>> tagList(ObjectNode article, FieldErrors.Builder types) {
        return RequestFields.change(article, TAG_LIST, value -> tagNames(value, types));
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
