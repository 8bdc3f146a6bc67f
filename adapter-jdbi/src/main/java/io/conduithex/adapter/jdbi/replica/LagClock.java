package io.conduithex.adapter.jdbi.replica;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How old, in time, a standby's data is. PostgreSQL's own measures mislead (a quiet primary makes
 * {@code now() - pg_last_xact_replay_timestamp()} grow without any lag, and {@code replay_lag} stays at its last
 * value), so this remembers when the primary reached each position it was seen at: a standby that has replayed
 * up to position P is as old as the first moment the primary was seen past P. Thread-safe.
 */
final class LagClock {
    private record Sample(long atMillis, WalPosition position) {
    }

    private final long keepMillis;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /** @param keepMillis how long samples are kept: lag beyond it is reported as at least this long */
    LagClock(long keepMillis) {
        this.keepMillis = keepMillis;
    }

    /** Records that the primary had written up to {@code position} at {@code atMillis}. */
    synchronized void primaryAt(long atMillis, WalPosition position) {
        Sample last = samples.peekLast();
        if (last == null || position.compareTo(last.position) > 0) {
            samples.addLast(new Sample(atMillis, position));
        }
        while (samples.size() > 1 && samples.peekFirst().atMillis < atMillis - keepMillis) {
            samples.removeFirst();
        }
    }

    /** How long ago the primary first went past {@code replayed}; zero when it has not been seen past it. */
    synchronized long lagMillis(long nowMillis, WalPosition replayed) {
        for (Sample sample : samples) {
            if (sample.position.compareTo(replayed) > 0) {
                return Math.max(0, nowMillis - sample.atMillis);
            }
        }
        return 0;
    }
}
