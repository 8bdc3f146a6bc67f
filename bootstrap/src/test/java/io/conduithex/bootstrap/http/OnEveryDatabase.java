package io.conduithex.bootstrap.http;

import io.conduithex.testsupport.ApplicationExtension;
import io.conduithex.testsupport.ApplicationUnderTest;
import io.conduithex.testsupport.kit.CapturedLogs;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the HTTP tests written once and run on every database: a subclass per dialect hands over the extension
 * that starts the application on a fresh database of its kind before each test. The application's log is printed
 * only when a test fails.
 */
@ExtendWith(CapturedLogs.class)
abstract class OnEveryDatabase {

    @RegisterExtension
    final ApplicationExtension app;

    OnEveryDatabase(ApplicationExtension app) {
        this.app = app;
    }

    /** The running application and the database under it, valid while a test runs. */
    ApplicationUnderTest app() {
        return app;
    }
}
