package io.conduithex.domain.comment;

import io.conduithex.domain.user.Profile;
import java.util.Objects;

/** A comment with its author's profile as the reader sees it. */
public record CommentView(Comment comment, Profile author) {
    public CommentView {
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(author, "author");
    }
}
