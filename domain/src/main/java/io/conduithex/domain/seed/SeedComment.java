package io.conduithex.domain.seed;

import io.conduithex.domain.comment.CommentBody;
import io.conduithex.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** A generated comment on the article that carries it. */
public record SeedComment(UserId author, CommentBody body, Instant createdAt) {

    public SeedComment {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
