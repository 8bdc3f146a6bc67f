package io.conduithex.application.article;

import io.conduithex.application.transaction.TransactionRunner;
import jakarta.inject.Inject;
import java.util.List;

/** Every tag in use, alphabetically. */
public final class ListTags {
    private final TransactionRunner transactions;

    @Inject
    public ListTags(TransactionRunner transactions) {
        this.transactions = transactions;
    }

    public List<String> list() {
        return transactions.read("list-tags", tx -> tx.articleReads().tags());
    }
}
