package io.conduithex.adapter.web;

import io.conduithex.domain.failure.OverloadedException;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Answers a route's refusal for lack of capacity ({@link OverloadedException}: password hashing) after a pause
 * that holds no thread. Answered at once, a refusal costs a client nothing, and a flood that ignores
 * {@code Retry-After} sends the next request straight away: 64 such connections took 90% of the HTTP threads'
 * turns from every other request. Paused, each of them sends at most a few a second, and the request waits
 * for its answer asynchronously, off the HTTP threads.
 */
final class PausedRefusals {
    static final Duration PAUSE = Duration.ofMillis(250);
    private static final Executor LATER = CompletableFuture.delayedExecutor(PAUSE.toMillis(), TimeUnit.MILLISECONDS);

    private PausedRefusals() {
    }

    /** {@code route}, with its refusals answered (by the error mapping, as any failure) after {@link #PAUSE}. */
    static Handler paused(Handler route) {
        return ctx -> {
            try {
                route.handle(ctx);
            } catch (OverloadedException refused) {
                // Completed with the refusal itself, not wrapped, so that it is answered as itself.
                var answer = new CompletableFuture<Void>();
                LATER.execute(() -> answer.completeExceptionally(refused));
                ctx.future(() -> answer);
            }
        };
    }
}
