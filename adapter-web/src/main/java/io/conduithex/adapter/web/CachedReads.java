package io.conduithex.adapter.web;

import io.conduithex.adapter.web.cache.ReadCache;
import io.conduithex.adapter.web.cache.ReadCacheReport;
import io.conduithex.adapter.web.cache.ReadKey;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers the reads every visitor asks alike from the {@link ReadCache}: anonymous {@code GET}s of article lists,
 * one article, an article's comments and a profile. Only a 200 answer is kept, its JSON written once; a hit is
 * answered with the same status, content type and headers as a read, and like every request it is logged, timed
 * and given its request id by the handlers around the route.
 *
 * <p>A request that carries an {@code Authorization} header (valid or not: the route decides) or a
 * {@value ReadYourWrites#HEADER} header is never answered from memory nor kept: its answer may depend on who asks
 * ({@code favorited}, {@code following}) or on what it must see. Served from memory, a read runs in no unit of
 * work, as the tags do (see the README's "Read cache").
 *
 * <p>Off ({@code READ_CACHE=off}), every read goes to its use case exactly as it would without this class.
 * Thread-safe.
 */
public final class CachedReads {
    private final ReadCache cache;

    private CachedReads(ReadCache cache) {
        this.cache = cache;
    }

    /** Reads answered from {@code cache}. */
    public static CachedReads with(ReadCache cache) {
        return new CachedReads(Objects.requireNonNull(cache, "cache"));
    }

    /** Every read goes to the database. */
    public static CachedReads off() {
        return new CachedReads(null);
    }

    /**
     * Answers 200 with the JSON of what {@code read} returns, or with the JSON kept for {@code key}. {@code read}
     * runs the use case (its own unit of work); a failure of it is thrown as it is, and nothing is kept.
     */
    void respond(Context ctx, ReadKey key, Supplier<Object> read) {
        if (cache == null || !askedByAnyone(ctx)) {
            Json.respond(ctx, 200, read.get());
            return;
        }
        byte[] kept = cache.find(key);
        if (kept != null) {
            Json.respondWritten(ctx, 200, kept);
            return;
        }
        ReadCache.Ticket ticket = cache.ticket();
        byte[] json = Json.write(read.get());
        cache.keep(key, ticket, json);
        Json.respondWritten(ctx, 200, json);
    }

    /** Whether the answer cannot depend on who asks or on what they wrote. */
    private static boolean askedByAnyone(Context ctx) {
        return ctx.header(AuthorizationHeader.NAME) == null && ctx.header(ReadYourWrites.HEADER) == null;
    }

    /** The cache's figures for the admin API. */
    ReadCacheReport report() {
        if (cache == null) {
            return new ReadCacheReport(false, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0,
                    new ReadCacheReport.FeedReport("off", false, 0, Optional.empty(), Optional.empty(),
                            Optional.empty()));
        }
        return cache.report();
    }
}
