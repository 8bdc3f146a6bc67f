package io.conduithex.testsupport;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;

/**
 * The extension that stands the application up on a fresh database before each test and tears both down after
 * it, whatever the dialect ({@link SqliteApplicationExtension}, {@link PostgresApplicationExtension}): for a test
 * written once and run on every database, which receives its extension from a subclass per dialect.
 */
public interface ApplicationExtension extends ApplicationUnderTest, BeforeEachCallback, AfterEachCallback {
}
