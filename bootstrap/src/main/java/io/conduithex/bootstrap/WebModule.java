package io.conduithex.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.conduithex.adapter.web.AdminSettings;
import io.conduithex.adapter.web.TokenService;
import io.conduithex.adapter.web.WebServer;
import io.conduithex.adapter.web.WebSettings;
import io.conduithex.bootstrap.config.AppConfig;

/** The HTTP server, its token service and the admin surface's settings. */
final class WebModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(WebServer.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    WebSettings webSettings(AppConfig config) {
        return config.webSettings();
    }

    @Provides
    @Singleton
    TokenService tokens(AppConfig config) {
        return new TokenService(config.jwtSecret().bytes(), config.jwtTtl());
    }

    @Provides
    @Singleton
    AdminSettings adminSettings(AppConfig config) {
        return AdminSettings.of(config.adminToken().map(token -> token.bytes()));
    }
}
