package io.conduithex.bootstrap.wiring;

import com.google.inject.AbstractModule;
import io.conduithex.bootstrap.config.AppConfig;

/**
 * The production object graph, the one entry point of this package: the validated configuration, the JDBI
 * adapter on the configured database, the use cases, the HTTP server and its read cache. Tests replace parts of it with
 * {@code Modules.override}.
 */
public final class ConduitModule extends AbstractModule {
    private final AppConfig config;

    public ConduitModule(AppConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        install(new ConfigurationModule(config));
        install(new PersistenceModule());
        install(new ApplicationModule());
        install(new WebModule());
        install(new ReadCacheModule());
    }
}
