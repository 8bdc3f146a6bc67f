package io.conduithex.application.article;

import io.conduithex.application.command.FieldChange;
import io.conduithex.application.command.FieldChanges;
import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.Required;
import java.util.List;
import java.util.Map;

/**
 * A partial update of an article: any subset of title, description, body and tags. Title, description and
 * body cannot be cleared; clearing the tags removes them all. The slug never changes.
 */
public record ArticleUpdateCommand(FieldChange<Title> title, FieldChange<Description> description,
                                   FieldChange<ArticleBody> body, FieldChange<TagList> tags) {
    public ArticleUpdateCommand {
        Required.nonNull("title", title, "description", description, "body", body, "tags", tags);
    }

    /** @throws io.conduithex.domain.validation.ValidationException naming each invalid field */
    public static ArticleUpdateCommand of(FieldChange<String> title, FieldChange<String> description,
                                          FieldChange<String> body, FieldChange<List<String>> tagList) {
        var errors = FieldErrors.builder();
        var command = new ArticleUpdateCommand(
                FieldChanges.required(errors, "title", title, Title::new),
                FieldChanges.required(errors, "description", description, Description::new),
                FieldChanges.required(errors, "body", body, ArticleBody::new),
                tagList instanceof FieldChange.Cleared
                        ? FieldChange.setTo(TagList.EMPTY)
                        : FieldChanges.convert(errors, "tagList", tagList, TagList::of));
        errors.throwIfAny();
        return command;
    }

    /** The names of the fields this update sets, in the API's spelling. */
    public List<String> changedFields() {
        return FieldChange.changedAmong(Map.entry("title", title), Map.entry("description", description),
                Map.entry("body", body), Map.entry("tagList", tags));
    }
}
