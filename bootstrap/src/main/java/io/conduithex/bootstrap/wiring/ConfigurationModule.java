package io.conduithex.bootstrap.wiring;

import com.google.inject.AbstractModule;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.bootstrap.config.AppConfig;

/** The validated configuration, and the settings each adapter takes from it. */
final class ConfigurationModule extends AbstractModule {
    private final AppConfig config;

    ConfigurationModule(AppConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(AppConfig.class).toInstance(config);
        bind(DatabaseSettings.class).toInstance(config.database());
    }
}
