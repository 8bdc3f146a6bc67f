package io.conduithex.adapter.jdbi.transaction;

import java.util.Optional;

/**
 * The transaction's id, when a statement that wrote brought it back with its answer. An id, once assigned, stays the
 * transaction's until it ends, so the receipt taken before COMMIT can be this one instead of a round trip of its own.
 * Belongs to one transaction, hence to one thread.
 */
final class TransactionIdNote {
    private String xid;

    void note(String transactionId) {
        xid = transactionId;
    }

    Optional<String> noted() {
        return Optional.ofNullable(xid);
    }
}
