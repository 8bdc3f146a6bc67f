package io.conduithex.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.config.SqliteFiles;
import io.conduithex.domain.port.persistence.ConnectionPoolMonitor;
import io.conduithex.domain.port.persistence.DatabaseDiagnostics;
import io.conduithex.domain.port.persistence.DatabaseTimings;
import io.conduithex.domain.port.persistence.ReadConsistency;
import io.conduithex.domain.port.persistence.ReplicaOverview;
import io.conduithex.domain.port.persistence.UnitOfWork;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BiFunction;

/**
 * The JDBI adapter on the configured database, and the persistence ports it serves. Tests replace the
 * {@link JdbiPersistence} binding (with {@code Modules.override}) to run the application on a database of
 * their own; the ports follow it.
 */
final class PersistenceModule extends AbstractModule {

    @Override
    protected void configure() {
        port(UnitOfWork.class, (persistence, config) -> persistence.unitOfWork());
        port(DatabaseTimings.class, (persistence, config) -> persistence.timings());
        port(ConnectionPoolMonitor.class, (persistence, config) -> persistence.poolMonitor(config.instances()));
        port(DatabaseDiagnostics.class, (persistence, config) -> persistence.diagnostics(config.instances()));
        port(ReadConsistency.class, (persistence, config) -> persistence.readConsistency());
        port(ReplicaOverview.class, (persistence, config) -> persistence.replicas().overview());
    }

    @Provides
    @Singleton
    JdbiPersistence persistence(DatabaseSettings settings, AppConfig config, MeterRegistry meters) {
        SqliteFiles.ensureFolderExists(settings.url());
        return JdbiPersistence.open(settings, config.replicas().settings(), meters);
    }

    /** Binds {@code type} to what the one {@link JdbiPersistence} hands out for it, asked for once. */
    private <T> void port(Class<T> type, BiFunction<JdbiPersistence, AppConfig, T> fromPersistence) {
        Provider<JdbiPersistence> persistence = getProvider(JdbiPersistence.class);
        Provider<AppConfig> config = getProvider(AppConfig.class);
        Provider<T> port = () -> fromPersistence.apply(persistence.get(), config.get());
        bind(type).toProvider(port).in(Singleton.class);
    }
}
