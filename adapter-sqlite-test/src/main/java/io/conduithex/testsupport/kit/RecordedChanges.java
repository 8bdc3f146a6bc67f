package io.conduithex.testsupport.kit;

import io.conduithex.domain.port.persistence.ChangeListener;
import io.conduithex.domain.port.persistence.CommittedChanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/** A {@link ChangeListener} that remembers what it was told, for tests to look at. Thread-safe. */
public final class RecordedChanges implements ChangeListener {
    private final List<CommittedChanges> committed = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void committed(CommittedChanges changes) {
        committed.add(changes);
    }

    @Override
    public synchronized void outOfTouch(String reason) {
        events.add("out of touch");
    }

    @Override
    public synchronized void inTouch() {
        events.add("in touch");
    }

    /** Every report so far, in order. */
    public synchronized List<CommittedChanges> committed() {
        return List.copyOf(committed);
    }

    /** The reports so far, then forgets them. */
    public synchronized List<CommittedChanges> take() {
        var taken = List.copyOf(committed);
        committed.clear();
        return taken;
    }

    /** "in touch" and "out of touch", in the order they came. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** Waits (bounded) until a report matches {@code wanted}; fails the test if none does in time. */
    public CommittedChanges await(Predicate<CommittedChanges> wanted, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            synchronized (this) {
                for (CommittedChanges changes : committed) {
                    if (wanted.test(changes)) {
                        return changes;
                    }
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no matching change reported within " + within.toMillis() + " ms; got "
                        + committed());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Waits (bounded) until {@code event} came at least {@code times} times. */
    public void awaitEvent(String event, int times, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<String> seen = events();
            if (seen.stream().filter(event::equals).count() >= times) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(event + " fewer than " + times + " times within " + within.toMillis()
                        + " ms; events " + seen);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
