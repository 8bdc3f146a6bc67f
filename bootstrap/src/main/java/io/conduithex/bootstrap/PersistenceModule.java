package io.conduithex.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.domain.port.persistence.ConnectionPoolMonitor;
import io.conduithex.domain.port.persistence.DatabaseDiagnostics;
import io.conduithex.domain.port.persistence.DatabaseTimings;
import io.conduithex.domain.port.persistence.UnitOfWork;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The JDBI adapter on the configured database. Tests replace the {@link JdbiPersistence} binding (with
 * {@code Modules.override}) to run the application on a database of their own.
 */
final class PersistenceModule extends AbstractModule {

    @Provides
    @Singleton
    JdbiPersistence persistence(DatabaseSettings settings, MeterRegistry meters) {
        SqliteFiles.ensureFolderExists(settings.url());
        return JdbiPersistence.open(settings, meters);
    }

    @Provides
    @Singleton
    UnitOfWork unitOfWork(JdbiPersistence persistence) {
        return persistence.unitOfWork();
    }

    @Provides
    @Singleton
    ConnectionPoolMonitor poolMonitor(JdbiPersistence persistence, AppConfig config) {
        return persistence.poolMonitor(config.instances());
    }

    @Provides
    @Singleton
    DatabaseTimings timings(JdbiPersistence persistence) {
        return persistence.timings();
    }

    @Provides
    @Singleton
    DatabaseDiagnostics diagnostics(JdbiPersistence persistence, AppConfig config) {
        return persistence.diagnostics(config.instances());
    }
}
