package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.pool.Pool;
import org.jdbi.v3.core.Handle;

/**
 * Finds out what became of a transaction whose connection was lost while COMMIT was in flight. The unit of work
 * takes a {@link Receipt} just before committing (on the transaction's own connection, while it still works) and,
 * if the commit's answer never arrives, asks the database about that receipt on another connection.
 */
interface CommitVerifier {

    /** What the database did with the transaction, as far as can be known. */
    enum Outcome {
        /** The transaction is durable: the unit of work succeeded. */
        COMMITTED,
        /** The transaction wrote nothing, so whatever became of it, nothing was lost: the unit of work succeeded. */
        NOTHING_TO_LOSE,
        /** The transaction is gone: nothing was stored, so the unit of work may safely run again. */
        ABORTED,
        /** Nobody can tell yet: the caller must be told so, never the work run again. */
        UNKNOWN
    }

    /** A transaction's identity, taken before COMMIT. */
    sealed interface Receipt permits NothingWritten, TransactionId, Unverifiable {
    }

    /** The transaction wrote nothing, so losing its COMMIT lost nothing. */
    record NothingWritten() implements Receipt {
    }

    /** The server's id of a transaction that wrote. */
    record TransactionId(String xid) implements Receipt {
    }

    /** This database cannot be asked about a transaction afterwards. */
    record Unverifiable() implements Receipt {
    }

    /**
     * Called on the open transaction right before COMMIT; {@code known} is the id a statement brought back, if one
     * did, which spares the question.
     */
    Receipt receipt(Handle handle, TransactionIdNote known);

    /** Called after COMMIT's answer was lost; {@code pool} lends the connection to ask on. */
    Outcome outcome(Receipt receipt, Pool pool);

    static CommitVerifier of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresCommitVerifier();
            // A SQLite commit fails on this machine's own file: there is no server to ask afterwards. MariaDB keeps
            // no status of past transactions that another session could ask about.
            case SQLITE, MARIADB -> new UnverifiableCommits();
        };
    }

    /**
     * For a database that cannot be asked about a transaction afterwards: a lost commit of a transaction that wrote
     * is of unknown outcome, one of a read-only transaction lost nothing.
     */
    final class UnverifiableCommits implements CommitVerifier {
        @Override
        public Receipt receipt(Handle handle, TransactionIdNote known) {
            return new Unverifiable();
        }

        @Override
        public Outcome outcome(Receipt receipt, Pool pool) {
            // The unit of work takes no receipt of a read-only transaction: it hands over NothingWritten instead.
            return receipt instanceof NothingWritten ? Outcome.NOTHING_TO_LOSE : Outcome.UNKNOWN;
        }
    }
}
