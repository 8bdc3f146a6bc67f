package io.conduithex.testsupport;

import java.net.URI;

/**
 * The application a test talks to and the database under it, whatever the dialect: what a test written once
 * for every database needs from {@link SqliteApplicationExtension} or {@link PostgresApplicationExtension}.
 * Valid only while a test runs.
 */
public interface ApplicationUnderTest {

    /** {@code http://127.0.0.1:<port>} of the running application. */
    URI baseUri();

    /** The database under the running application, for arranging and checking rows directly. */
    TestDatabase database();
}
