package io.conduithex.domain.comment;

/** The database identity of a comment. */
public record CommentId(long value) {
    public CommentId {
        if (value <= 0) {
            throw new IllegalArgumentException("comment id must be positive, was " + value);
        }
    }
}
