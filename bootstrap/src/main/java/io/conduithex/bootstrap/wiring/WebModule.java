package io.conduithex.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.conduithex.adapter.web.AdminSettings;
import io.conduithex.adapter.web.ConsistencySettings;
import io.conduithex.adapter.web.MdcCurrentRequest;
import io.conduithex.adapter.web.Observability;
import io.conduithex.adapter.web.TokenService;
import io.conduithex.adapter.web.WebServer;
import io.conduithex.adapter.web.WebSettings;
import io.conduithex.application.health.HealthChecks;
import io.conduithex.domain.port.request.CurrentRequest;
import io.conduithex.bootstrap.config.AppConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The HTTP server, its token service, and what its operator endpoints (health, metrics, admin) serve. */
final class WebModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(WebServer.class).in(Singleton.class);
        // The audit trail names the request each event was made under; the web server keeps its id per thread.
        bind(CurrentRequest.class).to(MdcCurrentRequest.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    WebSettings webSettings(AppConfig config) {
        return config.webSettings();
    }

    /** /metrics renders the Prometheus registry; HTTP timers go to the application's registry. */
    @Provides
    @Singleton
    Observability observability(HealthChecks health, PrometheusMeterRegistry prometheus, MeterRegistry meters) {
        return new Observability(health, prometheus::scrape, meters);
    }

    @Provides
    @Singleton
    TokenService tokens(AppConfig config) {
        return new TokenService(config.jwtSecret().bytes(), config.jwtTtl());
    }

    @Provides
    @Singleton
    ConsistencySettings consistencySettings(AppConfig config) {
        var replicas = config.replicas();
        return new ConsistencySettings(replicas.settings().any(), replicas.consistencySecret().bytes(),
                replicas.settings().maxLag());
    }

    @Provides
    @Singleton
    AdminSettings adminSettings(AppConfig config) {
        return AdminSettings.of(config.adminToken().map(token -> token.bytes()));
    }
}
