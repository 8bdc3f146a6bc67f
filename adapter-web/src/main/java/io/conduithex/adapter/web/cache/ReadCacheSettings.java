package io.conduithex.adapter.web.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * How the read cache runs.
 *
 * @param maxStaleness the longest an answer is kept, counted from before the read that produced it began
 * @param maxBytes     the most memory the kept answers and their keys take, roughly
 * @param feed         how commits of other instances reach this one
 */
public record ReadCacheSettings(Duration maxStaleness, long maxBytes, Feed feed) {

    /** How commits of other instances sharing the database reach this one. */
    public enum Feed {
        /** No other instance: this instance's own commits are all there is to hear. */
        SINGLE_INSTANCE,
        /**
         * Notices over a connection that may be lost: until it listens, and whenever it is lost, nothing is served
         * or kept.
         */
        LISTENING,
        /** Not at all: another instance's write shows here within {@code maxStaleness}. */
        UNHEARD
    }

    public ReadCacheSettings {
        Objects.requireNonNull(maxStaleness, "maxStaleness");
        Objects.requireNonNull(feed, "feed");
        if (maxStaleness.isNegative() || maxStaleness.isZero()) {
            throw new IllegalArgumentException("maxStaleness must be positive, was " + maxStaleness);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
    }
}
