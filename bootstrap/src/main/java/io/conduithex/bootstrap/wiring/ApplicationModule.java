package io.conduithex.bootstrap.wiring;

import io.conduithex.application.maintenance.Housekeeping;
import io.conduithex.application.audit.AuditTrail;
import io.conduithex.application.audit.ListAuditEvents;
import io.conduithex.application.idempotency.IdempotencySettings;
import io.conduithex.application.idempotency.IdempotentWrites;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.conduithex.application.article.CreateArticle;
import io.conduithex.application.article.DeleteArticle;
import io.conduithex.application.article.FavoriteArticle;
import io.conduithex.application.article.GetArticle;
import io.conduithex.application.article.ListArticles;
import io.conduithex.application.article.ListTags;
import io.conduithex.application.article.TagCache;
import io.conduithex.application.article.UpdateArticle;
import io.conduithex.application.comment.AddComment;
import io.conduithex.application.comment.DeleteComment;
import io.conduithex.application.comment.ListComments;
import io.conduithex.application.health.HealthChecks;
import io.conduithex.application.operations.OperationsReport;
import io.conduithex.application.operations.RetryEvents;
import io.conduithex.application.operations.UseCaseTimings;
import io.conduithex.application.transaction.RetrySettings;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.user.FailedLogins;
import io.conduithex.application.user.FollowUser;
import io.conduithex.application.user.GetCurrentUser;
import io.conduithex.application.user.GetProfile;
import io.conduithex.application.user.LoginUser;
import io.conduithex.application.user.RegisterUser;
import io.conduithex.application.user.UpdateUser;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.security.BCryptPasswordHasher;
import io.conduithex.bootstrap.security.BoundedPasswordHasher;
import io.conduithex.domain.port.security.PasswordHasher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/**
 * The use cases, their transaction runner and retry policy, the clock, password hashing, the meter registry and
 * the readiness checks.
 */
final class ApplicationModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(TransactionRunner.class).in(Singleton.class);
        bind(RetryEvents.class).in(Singleton.class);
        bind(UseCaseTimings.class).in(Singleton.class);
        bind(OperationsReport.class).in(Singleton.class);
        bind(RegisterUser.class).in(Singleton.class);
        bind(LoginUser.class).in(Singleton.class);
        bind(GetCurrentUser.class).in(Singleton.class);
        bind(UpdateUser.class).in(Singleton.class);
        bind(GetProfile.class).in(Singleton.class);
        bind(FollowUser.class).in(Singleton.class);
        bind(CreateArticle.class).in(Singleton.class);
        bind(UpdateArticle.class).in(Singleton.class);
        bind(DeleteArticle.class).in(Singleton.class);
        bind(GetArticle.class).in(Singleton.class);
        bind(ListArticles.class).in(Singleton.class);
        bind(FavoriteArticle.class).in(Singleton.class);
        bind(ListTags.class).in(Singleton.class);
        bind(AddComment.class).in(Singleton.class);
        bind(ListComments.class).in(Singleton.class);
        bind(DeleteComment.class).in(Singleton.class);
        bind(ListAuditEvents.class).in(Singleton.class);
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(AuditTrail.class).in(Singleton.class);
        bind(IdempotentWrites.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    IdempotencySettings idempotencySettings(AppConfig config) {
        return config.retention().idempotency();
    }

    @Provides
    @Singleton
    Housekeeping.Retention retention(AppConfig config) {
        return new Housekeeping.Retention(config.retention().auditRetention());
    }

    @Provides
    @Singleton
    TagCache tagCache(AppConfig config) {
        return new TagCache(config.operations().tagsMaxAge());
    }

    @Provides
    @Singleton
    RetrySettings retrySettings(AppConfig config) {
        return config.operations().retrySettings();
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry prometheus() {
        return new ApplicationMeterRegistry();
    }

    @Provides
    @Singleton
    MeterRegistry meters(PrometheusMeterRegistry prometheus) {
        return prometheus;
    }

    /** The readiness checks: the database's own (ping, migrations, pool), cached briefly against busy probes. */
    @Provides
    @Singleton
    HealthChecks healthChecks(JdbiPersistence persistence) {
        return new HealthChecks(persistence.healthChecks());
    }

    /** Hashing on its own bounded threads: a burst of logins cannot take the HTTP threads or the whole CPU. */
    @Provides
    @Singleton
    PasswordHasher passwordHasher(AppConfig config, MeterRegistry meters) {
        var limits = config.security().logins();
        return new BoundedPasswordHasher(new BCryptPasswordHasher(config.security().bcryptCost()),
                limits.hashThreads(), limits.hashWaiting(), meters);
    }

    @Provides
    @Singleton
    FailedLogins failedLogins(AppConfig config) {
        return new FailedLogins(config.security().logins().failures());
    }
}
