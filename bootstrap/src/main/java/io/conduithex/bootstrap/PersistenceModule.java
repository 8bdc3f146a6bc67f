package io.conduithex.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.conduithex.adapter.jdbi.DatabaseSettings;
import io.conduithex.adapter.jdbi.JdbiPersistence;
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
}
