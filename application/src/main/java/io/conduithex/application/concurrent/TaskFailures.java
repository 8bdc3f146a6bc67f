package io.conduithex.application.concurrent;

/**
 * What a task threw on another thread, taken back out of the wrapper its future put around it
 * ({@link java.util.concurrent.ExecutionException}, {@link java.util.concurrent.CompletionException}), so the
 * waiting caller fails as the task did rather than with the wrapper.
 */
public final class TaskFailures {
    private TaskFailures() {
    }

    /**
     * The task's failure, for the caller to throw: an unchecked exception as it was thrown; a checked one wrapped
     * in {@link IllegalStateException}. An {@link Error} is thrown from here, as it was thrown.
     */
    public static RuntimeException unwrap(Exception wrapper) {
        Throwable cause = wrapper.getCause();
        if (cause instanceof RuntimeException failure) {
            return failure;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
