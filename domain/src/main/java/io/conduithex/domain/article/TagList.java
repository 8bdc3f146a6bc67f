package io.conduithex.domain.article;

import io.conduithex.domain.validation.InvalidValueException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** An article's tags: distinct, sorted alphabetically, at most {@value #MAX_TAGS}. */
public record TagList(List<Tag> tags) {
    public static final int MAX_TAGS = 20;
    public static final TagList EMPTY = new TagList(List.of());

    public TagList {
        tags = List.copyOf(isStrictlyAscending(tags) ? tags : new TreeSet<>(tags));
        if (tags.size() > MAX_TAGS) {
            throw new InvalidValueException("has too many tags (maximum is " + MAX_TAGS + ")");
        }
    }

    /** Tags from raw names; a bad name is reported with its position. */
    public static TagList of(Collection<String> names) {
        if (names == null) {
            return EMPTY;
        }
        var tags = new TreeSet<Tag>();
        int index = 0;
        for (String name : names) {
            try {
                tags.add(new Tag(name));
            } catch (InvalidValueException e) {
                throw new InvalidValueException("tag " + (index + 1) + " " + e.getMessage());
            }
            index++;
        }
        return new TagList(List.copyOf(tags));
    }

    /** Already distinct and sorted (as {@link #of} builds them): then there is nothing to sort. */
    private static boolean isStrictlyAscending(List<Tag> tags) {
        for (int i = 1; i < tags.size(); i++) {
            if (tags.get(i - 1).compareTo(tags.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    public List<String> names() {
        return tags.stream().map(Tag::value).toList();
    }
}
