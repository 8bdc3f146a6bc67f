package io.conduithex.application.article;

import io.conduithex.application.transaction.TransactionRunner;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Every tag in use, alphabetically. The answer may come from {@link TagCache}'s snapshot instead of a unit of
 * work of its own; the writers that change tags invalidate it.
 */
public record ListTags(TransactionRunner transactions, TagCache cache) {
    @Inject
    public ListTags {
    }

    public List<String> list() {
        return cache.get(() -> transactions.read("list-tags", tx -> tx.articleReads().tags()));
    }
}
