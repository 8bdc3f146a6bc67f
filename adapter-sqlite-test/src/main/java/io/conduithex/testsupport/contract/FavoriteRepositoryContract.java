package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.port.persistence.FavoriteRepository;
import io.conduithex.domain.port.persistence.Transaction;
import io.conduithex.domain.user.User;
import io.conduithex.testsupport.kit.Race;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FavoriteRepository} adapter must do: idempotent favorites whose count never drifts from
 * the stored rows, also under concurrent writers.
 */
public abstract class FavoriteRepositoryContract extends PersistenceContract {

    private static final int MAX_ATTEMPTS = 10;

    /** Transient failures the concurrent tests retried; a dialect that never needs a retry leaves it at 0. */
    private final AtomicInteger retries = new AtomicInteger();

    @Test
    void favoritingTwiceRecordsOneFavorite() {
        Article article = givenAnArticleByJake();
        User jane = registered("jane");

        assertThat(favorite(jane, article)).isTrue();
        assertThat(favorite(jane, article)).isFalse();

        assertThat(favoritesCountOf(article)).isEqualTo(1);
        assertThat(storedFavoritesOf(article)).isEqualTo(1);
    }

    @Test
    void favoritingTwiceInOneTransactionRecordsOneFavorite() {
        Article article = givenAnArticleByJake();
        User jane = registered("jane");

        List<Boolean> outcomes = write(tx -> List.of(tx.favorites().favorite(jane.id(), article.id()),
                tx.favorites().favorite(jane.id(), article.id())));

        assertThat(outcomes).containsExactly(true, false);
        assertThat(favoritesCountOf(article)).isEqualTo(1);
    }

    @Test
    void unfavoritingTwiceRemovesTheFavoriteOnce() {
        Article article = givenAnArticleByJake();
        User jane = registered("jane");
        givenFavorited(jane, article);

        assertThat(unfavorite(jane, article)).isTrue();
        assertThat(unfavorite(jane, article)).isFalse();

        assertThat(favoritesCountOf(article)).isZero();
        assertThat(storedFavoritesOf(article)).isZero();
    }

    @Test
    void unfavoritingWhatWasNeverFavoritedChangesNothing() {
        Article article = givenAnArticleByJake();
        User jane = registered("jane");

        assertThat(unfavorite(jane, article)).isFalse();

        assertThat(favoritesCountOf(article)).isZero();
    }

    @Test
    void theFavoritesCountOfTheRepositoryAndOfTheReadModelIsTheNumberOfStoredFavorites() {
        User jake = registered("jake");
        Article dragons = givenAnArticleBy(jake, "How to train your dragon");
        Article other = givenAnArticleBy(jake, "How to tame your dragon");
        User john = registered("john");
        for (User fan : List.of(registered("jane"), john, registered("jill"))) {
            givenFavorited(fan, dragons);
        }
        givenFavorited(registered("joe"), other);
        write(tx -> tx.favorites().unfavorite(john.id(), dragons.id()));

        assertThat(storedFavoritesOf(dragons)).isEqualTo(2);
        assertThat(favoritesCountOf(dragons)).isEqualTo(2);
        assertThat(read(tx -> tx.articleReads().view(dragons.slug(), Optional.empty())).orElseThrow()
                .article().favoritesCount()).isEqualTo(2);
        assertThat(read(tx -> tx.articleReads().list(ArticleFilter.ALL, PageRequest.FIRST, Optional.empty()))
                .articles())
                .extracting(view -> view.article().favoritesCount())
                .containsExactly(1L, 2L);
    }

    /**
     * During a rolling deployment an instance of a build older than migration V6 still moves
     * {@code favorites_count} itself, as it did then: in the favorite's own statement on PostgreSQL, in a second
     * statement on SQLite. The triggers must leave the count exact all the same, down to the last favorite.
     */
    @Test
    void aCountStillMovedByAnOlderBuildEndsEqualToTheStoredFavorites() throws SQLException {
        Article dragons = givenAnArticleByJake();
        User jane = registered("jane");
        User john = registered("john");
        givenFavorited(jane, dragons);

        asAnOlderBuild(true, john, dragons);
        assertThat(storedFavoritesOf(dragons)).isEqualTo(2);
        assertThat(favoritesCountOf(dragons)).isEqualTo(2);

        asAnOlderBuild(false, john, dragons);
        asAnOlderBuild(false, jane, dragons);
        assertThat(storedFavoritesOf(dragons)).isZero();
        assertThat(favoritesCountOf(dragons)).isZero();
    }

    /**
     * Favorites (or unfavorites) {@code article} for {@code fan} with the statements of a build older than V6, in
     * one transaction of a connection of its own.
     */
    private void asAnOlderBuild(boolean favorite, User fan, Article article) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            String change = favorite
                    ? "INSERT INTO favorites (user_id, article_id) VALUES (?, ?)"
                    : "DELETE FROM favorites WHERE user_id = ? AND article_id = ?";
            String move = "UPDATE articles SET favorites_count = favorites_count " + (favorite ? "+" : "-") + " 1";
            if (postgres) {
                execute(connection, "WITH changed AS (" + change + " RETURNING article_id) " + move
                        + " WHERE id IN (SELECT article_id FROM changed)", fan.id().value(), article.id().value());
            } else {
                execute(connection, change, fan.id().value(), article.id().value());
                execute(connection, move + " WHERE id = ?", article.id().value());
            }
            connection.commit();
        }
    }

    private static void execute(Connection connection, String sql, long... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setLong(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    @Test
    void favoritingAnArticleThatDoesNotExistIsAForeignKeyViolation() {
        User jane = registered("jane");

        assertForeignKeyViolation(() -> write(tx -> tx.favorites().favorite(jane.id(), new ArticleId(4242))));
        assertThat(rowCount("favorites")).isZero();
    }

    @Test
    void twentyUsersFavoritingOneArticleAtOnceAreAllCounted() throws Exception {
        Article article = givenAnArticleByJake();
        List<User> fans = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fans.add(registered("fan" + i));
        }

        List<Boolean> outcomes = allAtOnce(fans.stream()
                .<Function<Transaction, Boolean>>map(fan -> tx -> tx.favorites().favorite(fan.id(), article.id()))
                .toList());

        assertThat(outcomes).containsOnly(true);
        assertThat(storedFavoritesOf(article)).isEqualTo(20);
        assertThat(favoritesCountOf(article)).isEqualTo(20);
        assertCountersMatchRows();
        reportRetries("twenty_users_favoriting_one_article_at_once");
    }

    @Test
    void oneUserFavoritingAndUnfavoritingAtOnceLeavesTheCountEqualToTheStoredFavorite() throws Exception {
        Article article = givenAnArticleByJake();
        User jane = registered("jane");
        List<Function<Transaction, Boolean>> toggles = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            toggles.add(i % 2 == 0
                    ? tx -> tx.favorites().favorite(jane.id(), article.id())
                    : tx -> tx.favorites().unfavorite(jane.id(), article.id()));
        }

        List<Boolean> outcomes = allAtOnce(toggles);

        long stored = storedFavoritesOf(article);
        assertThat(stored).isBetween(0L, 1L);
        assertThat(favoritesCountOf(article)).isEqualTo(stored);
        long changes = outcomes.stream().filter(changed -> changed).count();
        assertThat(changes % 2).as("successful favorites and unfavorites alternate").isEqualTo(stored);
        assertCountersMatchRows();
        reportRetries("one_user_favoriting_and_unfavoriting_at_once");
    }

    /**
     * Runs each piece of work in a unit of work of its own, on its own thread, all released at once by the kit's
     * {@link Race}; returns their results in order. A transient failure reruns that whole unit of work, as the
     * application's retry policy would.
     */
    private <R> List<R> allAtOnce(List<Function<Transaction, R>> works) throws Exception {
        return Race.run(works.size(), i -> () -> writeRetryingTransientFailures(works.get(i)));
    }

    private <R> R writeRetryingTransientFailures(Function<Transaction, R> work) {
        TransientPersistenceException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return write(work);
            } catch (TransientPersistenceException e) {
                retries.incrementAndGet();
                if (last != null) {
                    e.addSuppressed(last);
                }
                last = e;
            }
        }
        throw last;
    }

    private void reportRetries(String test) {
        if (retries.get() > 0) {
            System.out.println("[conduit-test] " + getClass().getSimpleName() + "." + test + ": "
                    + retries.get() + " unit(s) of work retried after a transient failure");
        }
    }

    /** An article for the test's fans to favorite, by Jake, whom the test needs no further. */
    private Article givenAnArticleByJake() {
        return givenAnArticleBy(registered("jake"), "How to train your dragon");
    }

    private long favoritesCountOf(Article article) {
        return read(tx -> tx.articles().findBySlug(article.slug())).orElseThrow().favoritesCount();
    }

    private long storedFavoritesOf(Article article) {
        return countWithSql("SELECT COUNT(*) FROM favorites WHERE article_id = " + article.id().value());
    }

    /** {@code fan} favorites {@code article} in a unit of work of its own; true when the favorite is new. */
    private boolean favorite(User fan, Article article) {
        return writeFlag(tx -> tx.favorites().favorite(fan.id(), article.id()));
    }

    /** {@code fan} unfavorites {@code article} in a unit of work of its own; true when a favorite was removed. */
    private boolean unfavorite(User fan, Article article) {
        return writeFlag(tx -> tx.favorites().unfavorite(fan.id(), article.id()));
    }
}
