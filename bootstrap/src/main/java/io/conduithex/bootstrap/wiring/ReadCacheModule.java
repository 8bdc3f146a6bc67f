package io.conduithex.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.adapter.jdbi.values.ChangeFeed;
import io.conduithex.adapter.web.CachedReads;
import io.conduithex.adapter.web.cache.ReadCache;
import io.conduithex.adapter.web.cache.ReadCacheSettings;
import io.conduithex.bootstrap.config.AppConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read cache of anonymous reads, in the web adapter, and what keeps it true: the persistence adapter reports
 * every commit to it (and, on PostgreSQL reached directly, hears other instances' commits for it). Off, the routes
 * read the database every time and units of work record nothing.
 */
final class ReadCacheModule extends AbstractModule {
    private static final Logger log = LoggerFactory.getLogger(ReadCacheModule.class);

    /** Built with the web server's routes; from then on the persistence reports its commits to the cache. */
    @Provides
    @Singleton
    CachedReads cachedReads(AppConfig config, JdbiPersistence persistence, MeterRegistry meters) {
        var wanted = config.readCache();
        if (!wanted.enabled()) {
            log.info("Read cache off: every read goes to the database");
            return CachedReads.off();
        }
        var feed = switch (persistence.changeFeed()) {
            case LISTENING -> ReadCacheSettings.Feed.LISTENING;
            case UNAVAILABLE_THROUGH_POOLER, NO_NOTICES -> ReadCacheSettings.Feed.UNHEARD;
            case SINGLE_INSTANCE -> ReadCacheSettings.Feed.SINGLE_INSTANCE;
        };
        var cache = new ReadCache(new ReadCacheSettings(wanted.maxStaleness(), wanted.maxBytes(), feed), meters);
        persistence.reportChangesTo(cache);
        switch (feed) {
            case LISTENING -> log.info("Read cache on: at most {} bytes, answers at most {} ms old; other instances'"
                    + " writes are heard through LISTEN/NOTIFY", wanted.maxBytes(), wanted.maxStaleness().toMillis());
            case UNHEARD -> log.warn("Read cache on: at most {} bytes, answers at most {} ms old. {}, so writes"
                    + " through other instances show here only within READ_CACHE_MAX_STALENESS_MS", wanted.maxBytes(),
                    wanted.maxStaleness().toMillis(), persistence.changeFeed() == ChangeFeed.NO_NOTICES
                            ? "The database sends no notices with a commit"
                            : "PgBouncer in transaction mode cannot LISTEN");
            case SINGLE_INSTANCE -> log.info("Read cache on: at most {} bytes, answers at most {} ms old",
                    wanted.maxBytes(), wanted.maxStaleness().toMillis());
        }
        return CachedReads.with(cache);
    }
}
