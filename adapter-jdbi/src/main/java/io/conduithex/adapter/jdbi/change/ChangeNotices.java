package io.conduithex.adapter.jdbi.change;

import io.conduithex.domain.article.Slug;
import io.conduithex.domain.port.persistence.CommittedChanges;
import io.conduithex.domain.validation.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Committed changes as PostgreSQL notifications on one channel, so that other instances sharing the database learn
 * of them. A notice is sent inside the writing transaction, so it is delivered if and only if that transaction
 * commits, after it commits.
 *
 * <p>Payload, one line of space-separated words: {@value #VERSION}, the sending instance, then {@code *} (everything)
 * or {@code L} (the lists) and {@code a:<slug>} (an article's view) and {@code c:<slug>} (its comments) as many as
 * apply. Slugs hold no spaces. A payload that would not fit PostgreSQL's limit (8000 bytes) says everything instead;
 * one that cannot be read is taken to say everything.
 */
public final class ChangeNotices {
    /** The channel every instance of the application listens on, in its database. */
    public static final String CHANNEL = "conduit_changes";
    static final String VERSION = "v1";
    /** Under PostgreSQL's 8000-byte limit, with room for the channel name it counts against the same queue entry. */
    static final int MAX_PAYLOAD_BYTES = 7900;

    private ChangeNotices() {
    }

    /** A notice as read back: who sent it and what it says changed. */
    public record Notice(String sender, CommittedChanges changes) {
    }

    /** Queues the notice of {@code changes} by {@code sender} in the transaction open on {@code handle}. */
    public static void send(Handle handle, String sender, CommittedChanges changes) {
        handle.createQuery("SELECT pg_notify(:channel, :payload)")
                .bind("channel", CHANNEL)
                .bind("payload", payload(sender, changes))
                .mapTo(String.class)
                .findOne();
    }

    static String payload(String sender, CommittedChanges changes) {
        var text = new StringBuilder(64).append(VERSION).append(' ').append(sender);
        if (changes.everything()) {
            return text.append(" *").toString();
        }
        if (changes.lists()) {
            text.append(" L");
        }
        changes.articles().forEach(slug -> text.append(" a:").append(slug.value()));
        changes.commentsOn().forEach(slug -> text.append(" c:").append(slug.value()));
        String payload = text.toString();
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            return VERSION + " " + sender + " *";
        }
        return payload;
    }

    /**
     * The notice in {@code payload}. Empty when it has no sender to tell (not one of ours); anything else this
     * version cannot read says everything changed, so an instance of a newer version is never ignored.
     */
    public static Optional<Notice> read(String payload) {
        String[] words = payload == null ? new String[0] : payload.strip().split(" ");
        if (words.length < 2 || words[1].isEmpty()) {
            return Optional.empty();
        }
        String sender = words[1];
        if (!VERSION.equals(words[0])) {
            return Optional.of(new Notice(sender, CommittedChanges.EVERYTHING));
        }
        var changes = CommittedChanges.builder();
        try {
            for (int i = 2; i < words.length; i++) {
                String word = words[i];
                if (word.equals("*")) {
                    changes.everything();
                } else if (word.equals("L")) {
                    changes.lists();
                } else if (word.startsWith("a:")) {
                    changes.article(new Slug(word.substring(2)));
                } else if (word.startsWith("c:")) {
                    changes.commentsOn(new Slug(word.substring(2)));
                } else {
                    changes.everything();
                }
            }
        } catch (InvalidValueException unreadableSlug) {
            changes.everything();
        }
        return Optional.of(new Notice(sender, changes.build()));
    }
}
