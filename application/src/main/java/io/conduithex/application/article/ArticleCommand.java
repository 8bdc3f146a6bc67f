package io.conduithex.application.article;

import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.Required;
import java.util.List;

/** A valid request to write an article; build it with {@link #of}, which reports every bad field at once. */
public record ArticleCommand(Title title, Description description, ArticleBody body, TagList tags) {
    public ArticleCommand {
        Required.nonNull("title", title, "description", description, "body", body, "tags", tags);
    }

    /** The fields a new article sets, in the API's spelling: tagList only when it has tags. */
    public List<String> fieldNames() {
        return tags.names().isEmpty() ? List.of("title", "description", "body")
                : List.of("title", "description", "body", "tagList");
    }

    /**
     * @param tagList may be null (no tags)
     * @throws io.conduithex.domain.validation.ValidationException naming each invalid field
     */
    public static ArticleCommand of(String title, String description, String body, List<String> tagList) {
        var errors = FieldErrors.builder();
        var validTitle = errors.capture("title", () -> new Title(title));
        var validDescription = errors.capture("description", () -> new Description(description));
        var validBody = errors.capture("body", () -> new ArticleBody(body));
        var validTags = errors.capture("tagList", () -> TagList.of(tagList));
        errors.throwIfAny();
        return new ArticleCommand(validTitle, validDescription, validBody, validTags);
    }
}
