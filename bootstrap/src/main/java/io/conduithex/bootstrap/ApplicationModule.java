package io.conduithex.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.conduithex.application.transaction.RetrySettings;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.user.FollowUser;
import io.conduithex.application.user.GetCurrentUser;
import io.conduithex.application.user.GetProfile;
import io.conduithex.application.user.LoginUser;
import io.conduithex.application.user.RegisterUser;
import io.conduithex.application.user.UpdateUser;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.security.BCryptPasswordHasher;
import io.conduithex.domain.port.security.PasswordHasher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The use cases, their transaction runner and retry policy, password hashing and the meter registry. */
final class ApplicationModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(TransactionRunner.class).in(Singleton.class);
        bind(RegisterUser.class).in(Singleton.class);
        bind(LoginUser.class).in(Singleton.class);
        bind(GetCurrentUser.class).in(Singleton.class);
        bind(UpdateUser.class).in(Singleton.class);
        bind(GetProfile.class).in(Singleton.class);
        bind(FollowUser.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    RetrySettings retrySettings(AppConfig config) {
        return config.retrySettings();
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry prometheus() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Provides
    @Singleton
    MeterRegistry meters(PrometheusMeterRegistry prometheus) {
        return prometheus;
    }

    @Provides
    @Singleton
    PasswordHasher passwordHasher(AppConfig config) {
        return new BCryptPasswordHasher(config.bcryptCost());
    }
}
