package io.conduithex.testsupport;

/** An application started for a test, serving HTTP on a real socket. */
public interface RunningApplication extends AutoCloseable {

    /** The port it listens on (started on port 0, so chosen by the OS). */
    int port();

    /** Stops serving; the test database is closed separately. */
    @Override
    void close();
}
