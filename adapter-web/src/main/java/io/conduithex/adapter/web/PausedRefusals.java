package io.conduithex.adapter.web;

import io.conduithex.domain.failure.OverloadedException;
import io.conduithex.domain.failure.TooManyAttemptsException;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * Answers a route's refusals, for lack of capacity ({@link OverloadedException}: password hashing) or after too
 * many failed logins ({@link TooManyAttemptsException}), after a pause that holds no thread. Answered at once, a
 * refusal costs a client nothing, and a flood that ignores {@code Retry-After} sends the next request straight
 * away: 64 such connections took 90% of the HTTP threads' turns from every other request. Paused, each of them sends at most a few a second, and the request waits
 * for its answer asynchronously, off the HTTP threads.
 *
 * <p>Javalin finishes the request (error mapping, after-handlers, request log) on the thread that completes the
 * future: one timer thread, which takes the request's log context for that and leaves none behind.
 */
final class PausedRefusals {
    static final Duration PAUSE = Duration.ofMillis(250);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "paused-refusals");
        thread.setDaemon(true);
        return thread;
    });

    private PausedRefusals() {
    }

    /** {@code route}, with its refusals answered (by the error mapping, as any failure) after {@link #PAUSE}. */
    static Handler paused(Handler route) {
        return ctx -> {
            try {
                route.handle(ctx);
            } catch (OverloadedException | TooManyAttemptsException refused) {
                Map<String, String> logContext = MDC.getCopyOfContextMap();
                // The HTTP thread goes on to other requests: this one's id must not stay in its log context.
                MDC.remove(RequestIds.MDC_KEY);
                var answer = new CompletableFuture<Void>();
                ctx.future(() -> answer);
                TIMER.schedule(() -> answerLater(answer, refused, logContext), PAUSE.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        };
    }

    /** Completed with the refusal itself, not wrapped, so that it is answered as itself. */
    private static void answerLater(CompletableFuture<Void> answer, RuntimeException refused,
                                    Map<String, String> logContext) {
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        try {
            answer.completeExceptionally(refused);
        } finally {
            MDC.clear();
        }
    }
}
