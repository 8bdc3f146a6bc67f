package io.conduithex.adapter.jdbi.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.adapter.jdbi.transaction.CommitVerifier.Outcome;
import io.conduithex.adapter.jdbi.transaction.CommitVerifier.TransactionId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The questions asked about a lost commit, answered by a script: what PostgreSQL says, or the failure of the
 * connection the question went out on (the end-to-end outcomes run against a real server in
 * PostgresCommitOutcomeTest).
 */
class PostgresCommitVerifierTest {
    private static final TransactionId XID = new TransactionId("893");
    private static final RuntimeException TERMINATED =
            new IllegalStateException("FATAL: terminating connection due to administrator command");
    /** Scripts the server's null: it no longer knows the id. */
    private static final Object NULL = new Object();

    private final PostgresCommitVerifier verifier = new PostgresCommitVerifier();

    /** Answers each question with the next scripted item: a status string, null, or an exception to throw. */
    private static final class Script implements PostgresCommitVerifier.StatusQuery {
        private final Deque<Object> answers;
        int questions;

        Script(Object... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public String status(String xid) {
            questions++;
            assertThat(xid).isEqualTo(XID.xid());
            Object next = answers.isEmpty() ? TERMINATED : answers.poll();
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return next == NULL ? null : (String) next;
        }
    }

    @Test
    void anIdAStatementBroughtBackIsTheReceiptWithoutAQuestionOfItsOwn() {
        var known = new TransactionIdNote();
        known.note("4711");

        // No handle at all: asking the database would fail.
        assertThat(verifier.receipt(null, known)).isEqualTo(new TransactionId("4711"));
    }

    @Test
    void aQuestionWhoseConnectionWasTerminatedTooIsAskedAgain() {
        var script = new Script(TERMINATED, "committed");

        assertThat(verifier.outcome(XID, script)).isEqualTo(Outcome.COMMITTED);
        assertThat(script.questions).isEqualTo(2);
    }

    @Test
    void anAbortFoundAfterAFailedQuestionLetsTheWorkRunAgain() {
        var script = new Script(TERMINATED, TERMINATED, "aborted");

        assertThat(verifier.outcome(XID, script)).isEqualTo(Outcome.ABORTED);
    }

    @Test
    void inProgressIsAskedAgainUntilTheDatabaseDecides() {
        var script = new Script("in progress", "in progress", "committed");

        assertThat(verifier.outcome(XID, script)).isEqualTo(Outcome.COMMITTED);
        assertThat(script.questions).isEqualTo(3);
    }

    @Test
    void whenEveryQuestionFailsTheOutcomeIsUnknownAfterABoundedNumber() {
        var script = new Script();

        assertThat(verifier.outcome(XID, script)).isEqualTo(Outcome.UNKNOWN);
        assertThat(script.questions).isBetween(2, 4);
    }

    @Test
    void anIdTheServerNoLongerKnowsIsUnknownAtOnce() {
        var script = new Script(NULL, "committed");

        assertThat(verifier.outcome(XID, script)).isEqualTo(Outcome.UNKNOWN);
        assertThat(script.questions).isEqualTo(1);
    }
}
