package io.conduithex.testsupport;

import com.google.inject.Module;

/** Starts the whole application for a test, with the given module overriding how persistence is bound. */
@FunctionalInterface
public interface ApplicationLauncher {

    /**
     * @param persistenceOverride binds {@link io.conduithex.adapter.jdbi.JdbiPersistence} to the test database;
     *                            it must override the production binding
     */
    RunningApplication launch(Module persistenceOverride);
}
