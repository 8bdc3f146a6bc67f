package io.conduithex.adapter.web.cache;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The read cache as operators see it.
 *
 * @param enabled       whether answers are kept at all ({@code READ_CACHE})
 * @param entries       answers kept now (some may already be out of date, and are dropped when next asked for)
 * @param bytes         their weight: bodies and keys, roughly
 * @param hits          reads answered from memory since start
 * @param misses        cacheable reads that went to the database since start
 * @param evictions     answers dropped to stay within the bytes or the staleness bound
 * @param invalidations commits heard since start, by what they changed ({@code everything}, {@code lists},
 *                      {@code articles}, {@code comments})
 * @param discarded     answers read but not kept: a commit or a lost feed came first, or the read took longer than
 *                      the staleness bound
 * @param feed          how other instances' commits reach this one
 */
public record ReadCacheReport(boolean enabled, long maxStalenessMs, long maxBytes, long entries, long bytes,
                              long hits, long misses, long evictions, Map<String, Long> invalidations, long discarded,
                              FeedReport feed) {

    public ReadCacheReport {
        invalidations = Map.copyOf(invalidations);
    }

    /**
     * @param kind          {@code single-instance}, {@code listening} or {@code unheard}
     * @param inTouch       whether other instances' commits are heard now (always true unless listening)
     * @param connections   times the listening connection was established
     * @param lastConnected when it last was
     * @param lastLost      when it was last lost
     * @param lastProblem   why it was last lost
     */
    public record FeedReport(String kind, boolean inTouch, long connections, Optional<Instant> lastConnected,
                             Optional<Instant> lastLost, Optional<String> lastProblem) {
    }
}
