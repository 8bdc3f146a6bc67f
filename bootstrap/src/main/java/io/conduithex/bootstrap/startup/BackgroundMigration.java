package io.conduithex.bootstrap.startup;

import io.conduithex.adapter.jdbi.values.MigrationResult;
import io.conduithex.application.concurrent.TaskFailures;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The start's migration, run on its own thread while the web server starts. Its failure is thrown, as thrown,
 * by {@link #result()}; a start that fails elsewhere first {@link #abandon}s it, so that the pool it uses is
 * closed only once it has stopped.
 */
final class BackgroundMigration {
    private final FutureTask<MigrationResult> task;
    private final Thread thread;

    BackgroundMigration(Callable<MigrationResult> migration) {
        this.task = new FutureTask<>(migration);
        this.thread = new Thread(task, "conduit-migrate");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Waits for the migration: what it returned, or what it threw. */
    MigrationResult result() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StartupException.of("interrupted while migrating the database", e);
        } catch (ExecutionException e) {
            throw TaskFailures.unwrap(e);
        }
    }

    /**
     * Stops waiting for the database (a migration under way is left to finish: Flyway rolls back what it
     * cannot complete) and waits up to {@code bound} for the thread to end. Any failure of its own is attached
     * to {@code failure}, the reason the start is given up.
     */
    void abandon(RuntimeException failure, Duration bound) {
        if (!thread.isAlive() && !task.isDone()) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(Math.max(1, bound.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (task.isDone()) {
            try {
                result();
            } catch (RuntimeException | Error other) {
                if (other != failure) {
                    failure.addSuppressed(other);
                }
            }
        }
    }
}
