package io.conduithex.bootstrap.config;

/**
 * A configuration value that cannot be used. The message is one line naming the variable and what is wrong
 * with it, such as {@code PORT must be an integer between 0 and 65535, was "abc"}; it never contains a secret.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message, null, false, false);
    }
}
