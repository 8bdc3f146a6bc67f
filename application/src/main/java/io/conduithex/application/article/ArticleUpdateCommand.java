package io.conduithex.application.article;

import io.conduithex.application.user.FieldChange;
import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.InvalidValueException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A partial update of an article: any subset of title, description, body and tags. Title, description and
 * body cannot be cleared; clearing the tags removes them all. The slug never changes.
 */
public record ArticleUpdateCommand(FieldChange<Title> title, FieldChange<Description> description,
                                   FieldChange<ArticleBody> body, FieldChange<TagList> tags) {
    public ArticleUpdateCommand {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(tags, "tags");
    }

    /** @throws io.conduithex.domain.validation.ValidationException naming each invalid field */
    public static ArticleUpdateCommand of(FieldChange<String> title, FieldChange<String> description,
                                          FieldChange<String> body, FieldChange<List<String>> tagList) {
        var errors = FieldErrors.builder();
        var command = new ArticleUpdateCommand(
                required(errors, "title", title, Title::new),
                required(errors, "description", description, Description::new),
                required(errors, "body", body, ArticleBody::new),
                tagList instanceof FieldChange.Cleared
                        ? FieldChange.setTo(TagList.EMPTY)
                        : convert(errors, "tagList", tagList, TagList::of));
        errors.throwIfAny();
        return command;
    }

    private static <T> FieldChange<T> required(FieldErrors.Builder errors, String field, FieldChange<String> raw,
                                               Function<String, T> factory) {
        if (raw instanceof FieldChange.Cleared) {
            errors.add(field, "can't be blank");
            return FieldChange.unchanged();
        }
        return convert(errors, field, raw, factory);
    }

    private static <S, T> FieldChange<T> convert(FieldErrors.Builder errors, String field, FieldChange<S> raw,
                                                 Function<S, T> factory) {
        try {
            return raw.map(factory);
        } catch (InvalidValueException e) {
            errors.add(field, e.getMessage());
            return FieldChange.unchanged();
        }
    }
}
