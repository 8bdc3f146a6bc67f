package io.conduithex.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A real deadlock for the classifier tests of the database servers: two transactions, each on its own thread,
 * update one user's row and, once both hold their first lock, the other's, so the server must end one of them.
 */
public final class OppositeLockOrder {
    private static final long WAIT_SECONDS = 30;

    private OppositeLockOrder() {
    }

    /**
     * Runs the two transactions on {@code first} and {@code second} (in autocommit off) over the rows of the users
     * {@code one} and {@code other}, and returns what each failed with: the victims, normally exactly one.
     */
    public static List<SQLException> failures(Connection first, Connection second, long one, long other)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (Connection c : List.of(first, second)) {
                c.setAutoCommit(false);
            }
            CountDownLatch bothHoldTheirFirstLock = new CountDownLatch(2);
            Future<SQLException> a = threads.submit(() -> updateInOrder(first, one, other, bothHoldTheirFirstLock));
            Future<SQLException> b = threads.submit(() -> updateInOrder(second, other, one, bothHoldTheirFirstLock));
            List<SQLException> failures = new ArrayList<>();
            for (Future<SQLException> outcome : List.of(a, b)) {
                SQLException failure = outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
                if (failure != null) {
                    failures.add(failure);
                }
            }
            return failures;
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Updates the user's row, taking its row lock. */
    public static void touch(Connection c, long userId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE users SET bio = 'touched' WHERE id = ?")) {
            update.setLong(1, userId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static SQLException updateInOrder(Connection c, long first, long second, CountDownLatch bothLocked)
            throws SQLException, InterruptedException {
        try {
            touch(c, first);
            bothLocked.countDown();
            if (!bothLocked.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the other transaction never took its first lock");
            }
            touch(c, second);
            c.commit();
            return null;
        } catch (SQLException failure) {
            c.rollback();
            return failure;
        }
    }
}
