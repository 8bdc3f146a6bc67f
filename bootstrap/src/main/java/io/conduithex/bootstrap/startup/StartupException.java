package io.conduithex.bootstrap.startup;

import com.google.inject.ProvisionException;

/** The application could not start. The cause is what actually failed, unwrapped from the injector's report. */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    static StartupException of(String what, Throwable cause) {
        return new StartupException(what, cause);
    }

    static StartupException of(String what, ProvisionException failure) {
        // Guice wraps what a provider threw in its own report; the provider's exception is what an operator needs.
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return new StartupException(what + ": " + cause, cause);
    }
}
