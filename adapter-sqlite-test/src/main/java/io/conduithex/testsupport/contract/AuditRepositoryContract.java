package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.audit.AuditAction;
import io.conduithex.domain.audit.AuditEvent;
import io.conduithex.domain.audit.AuditQuery;
import io.conduithex.domain.audit.AuditQuery.AuditCursor;
import io.conduithex.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The audit trail on a real database: appended with its transaction, paged newest first by keyset, pruned. */
public abstract class AuditRepositoryContract extends PersistenceContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final UserId JAKE = new UserId(7);
    private static final UserId JANE = new UserId(8);

    @Test
    void anEventKeepsEverythingItWasGiven() {
        var event = new AuditEvent(0, T0.plusMillis(123), Optional.of(JAKE), AuditAction.ARTICLE_UPDATED, "42",
                Optional.of("request-9"), List.of("title", "tagList"));
        commit(tx -> tx.audit().append(event));

        var stored = page(query(Optional.empty(), Optional.empty(), Optional.empty(), 10));

        assertThat(stored).singleElement().satisfies(found -> {
            assertThat(found.id()).isPositive();
            assertThat(found).usingRecursiveComparison().ignoringFields("id").isEqualTo(event);
        });
    }

    @Test
    void anAnonymousEventWithoutFieldsOrRequestKeepsThemEmpty() {
        commit(tx -> tx.audit().append(new AuditEvent(0, T0, Optional.empty(), AuditAction.USER_REGISTERED, "1",
                Optional.empty(), List.of())));

        assertThat(page(query(Optional.empty(), Optional.empty(), Optional.empty(), 10))).singleElement()
                .satisfies(found -> {
                    assertThat(found.actor()).isEmpty();
                    assertThat(found.requestId()).isEmpty();
                    assertThat(found.changedFields()).isEmpty();
                });
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() {
        assertThatThrownBy(() -> commit(tx -> {
            tx.audit().append(event(T0, JAKE, AuditAction.COMMENT_ADDED, "1"));
            throw new IllegalStateException("the unit of work fails after its event");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(page(query(Optional.empty(), Optional.empty(), Optional.empty(), 10))).isEmpty();
    }

    @Test
    void pagesWalkEveryEventNewestFirstEvenWhenTimesTie() {
        commit(tx -> {
            for (int i = 0; i < 7; i++) {
                // Pairs of events share a time: the id breaks the tie, in the order and in the cursor.
                tx.audit().append(event(T0.plusSeconds(i / 2), JAKE, AuditAction.ARTICLE_FAVORITED, "a" + i));
            }
        });

        List<String> walked = new ArrayList<>();
        Optional<AuditCursor> after = Optional.empty();
        for (int pages = 0; pages < 10; pages++) {
            var page = page(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), after, 3));
            page.forEach(found -> walked.add(found.entityId()));
            if (page.size() < 3) {
                break;
            }
            after = Optional.of(AuditCursor.of(page.get(page.size() - 1)));
        }

        assertThat(walked).containsExactly("a6", "a5", "a4", "a3", "a2", "a1", "a0");
    }

    @Test
    void filtersSelectByActorEntityAndTimeRange() {
        commit(tx -> {
            tx.audit().append(event(T0, JAKE, AuditAction.ARTICLE_CREATED, "1"));
            tx.audit().append(event(T0.plusSeconds(10), JANE, AuditAction.ARTICLE_UPDATED, "1"));
            tx.audit().append(event(T0.plusSeconds(20), JAKE, AuditAction.COMMENT_ADDED, "1"));
            tx.audit().append(event(T0.plusSeconds(30), JAKE, AuditAction.ARTICLE_DELETED, "2"));
        });

        assertThat(ids(query(Optional.of(JANE), Optional.empty(), Optional.empty(), 10))).containsExactly("1");
        assertThat(actions(query(Optional.empty(), Optional.of(AuditAction.EntityType.ARTICLE), Optional.of("1"), 10)))
                .containsExactly(AuditAction.ARTICLE_UPDATED, AuditAction.ARTICLE_CREATED);
        assertThat(actions(query(Optional.of(JAKE), Optional.of(AuditAction.EntityType.ARTICLE), Optional.empty(),
                10))).containsExactly(AuditAction.ARTICLE_DELETED, AuditAction.ARTICLE_CREATED);
        var window = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(T0.plusSeconds(10)), Optional.of(T0.plusSeconds(30)), Optional.empty(), 10);
        assertThat(actions(window)).containsExactly(AuditAction.COMMENT_ADDED, AuditAction.ARTICLE_UPDATED);
    }

    @Test
    void eventsOlderThanTheCutoffArePrunedInBatchesOfTheGivenSize() {
        commit(tx -> {
            for (int i = 0; i < 5; i++) {
                tx.audit().append(event(T0.plusSeconds(i), JAKE, AuditAction.USER_UPDATED, "7"));
            }
            tx.audit().append(event(T0.plus(Duration.ofDays(1)), JAKE, AuditAction.USER_UPDATED, "7"));
        });
        Instant cutoff = T0.plus(Duration.ofHours(1));

        assertThat(pruned(cutoff, 2)).isEqualTo(2);
        assertThat(pruned(cutoff, 2)).isEqualTo(2);
        assertThat(pruned(cutoff, 2)).isEqualTo(1);
        assertThat(pruned(cutoff, 2)).isZero();
        assertThat(page(query(Optional.empty(), Optional.empty(), Optional.empty(), 10))).hasSize(1);
    }

    private int pruned(Instant cutoff, int limit) {
        return write(tx -> tx.audit().deleteOlderThan(cutoff, limit));
    }

    private List<AuditEvent> page(AuditQuery query) {
        return read(tx -> tx.audit().page(query));
    }

    private List<String> ids(AuditQuery query) {
        return page(query).stream().map(AuditEvent::entityId).toList();
    }

    private List<AuditAction> actions(AuditQuery query) {
        return page(query).stream().map(AuditEvent::action).toList();
    }

    private static AuditQuery query(Optional<UserId> actor, Optional<AuditAction.EntityType> type,
                                    Optional<String> entityId, int limit) {
        return new AuditQuery(actor, type, entityId, Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    private static AuditEvent event(Instant at, UserId actor, AuditAction action, String entityId) {
        return new AuditEvent(0, at, Optional.of(actor), action, entityId, Optional.of("request"), List.of());
    }
}
