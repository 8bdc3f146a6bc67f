package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.adapter.jdbi.sql.StatementMetrics;
import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.NewArticle;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.port.persistence.Transaction;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.port.persistence.UnitOfWork;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.kit.DatabasePerTest;
import io.conduithex.testsupport.kit.StoredRows;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the port contract suites: a fresh database per test, and a leak check after each. A subclass per
 * adapter and dialect supplies the database.
 */
public abstract class PersistenceContract {

    private static final Pattern TABLE_NAME = Pattern.compile("^[a-z_]+$");

    protected TestDatabase database;
    /** Each article a test publishes without a date is a minute newer than the one before. */
    private Instant clock = Instant.parse("2024-01-01T00:00:00Z");

    /** A fresh, migrated database for one test. */
    protected abstract TestDatabase newDatabase();

    @BeforeEach
    final void openDatabase() {
        database = newDatabase();
    }

    @AfterEach
    final void checkForLeaksAndClose() {
        DatabasePerTest.closeChecked(database);
    }

    protected UnitOfWork unitOfWork() {
        return database.persistence().unitOfWork();
    }

    protected <R> R write(Function<Transaction, R> work) {
        return unitOfWork().inTransaction(TransactionSpec.readWrite("contract-write"), work::apply);
    }

    /** Runs {@code work}, which returns nothing, in a read-write unit of work that commits. */
    protected void commit(Consumer<Transaction> work) {
        unitOfWork().useTransaction(TransactionSpec.readWrite("contract-write"), work::accept);
    }

    protected <R> R read(Function<Transaction, R> work) {
        return unitOfWork().inTransaction(TransactionSpec.readOnly("contract-read"), work::apply);
    }

    protected Optional<User> readUser(Function<Transaction, Optional<User>> query) {
        return read(query);
    }

    protected boolean readFlag(Function<Transaction, Boolean> query) {
        return read(query);
    }

    protected Set<UserId> readIds(Function<Transaction, Set<UserId>> query) {
        return read(query);
    }

    protected boolean writeFlag(Function<Transaction, Boolean> work) {
        return write(work);
    }

    protected static NewUser newUser(String name) {
        return new NewUser(new Email(name + "@example.com"), new Username(name), new PasswordHash("hash-of-" + name));
    }

    protected User registered(String name) {
        return write(tx -> tx.users().insert(newUser(name)));
    }

    protected boolean exists(String name) {
        return read(tx -> tx.users().findByUsername(new Username(name)).isPresent());
    }

    /** {@code work} is refused by a foreign key: it names a row that does not exist. */
    protected static void assertForeignKeyViolation(ThrowingCallable work) {
        assertThatThrownBy(work).isInstanceOfSatisfying(ConstraintViolationException.class,
                e -> assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.FOREIGN_KEY));
    }

    /** Each user named is stored: the work that wrote them committed. */
    protected void assertStored(String... names) {
        for (String name : names) {
            assertThat(exists(name)).as("user %s is stored", name).isTrue();
        }
    }

    /** No user named is stored: the work that wrote them rolled back, or never ran. */
    protected void assertNotStored(String... names) {
        for (String name : names) {
            assertThat(exists(name)).as("user %s is stored", name).isFalse();
        }
    }

    /** The instant after the last one handed out: articles published in a test are strictly ordered in time. */
    protected Instant nextInstant() {
        clock = clock.plus(Duration.ofMinutes(1));
        return clock;
    }

    protected static NewArticle newArticle(User author, String title, Instant createdAt, String... tags) {
        var heading = new Title(title);
        return new NewArticle(Slug.fromTitle(heading), heading, new Description("About " + title),
                new ArticleBody("All about " + title + "."), TagList.of(List.of(tags)), author.id(), createdAt);
    }

    protected Article givenAnArticleBy(User author, String title, String... tags) {
        return givenAnArticleBy(author, title, nextInstant(), tags);
    }

    protected Article givenAnArticleBy(User author, String title, Instant createdAt, String... tags) {
        return write(tx -> tx.articles().insert(newArticle(author, title, createdAt, tags)));
    }

    protected void givenFavorited(User fan, Article article) {
        write(tx -> tx.favorites().favorite(fan.id(), article.id()));
    }

    protected void givenFollowing(User follower, User followee) {
        commit(tx -> tx.follows().follow(follower.id(), followee.id()));
    }

    /** Rows in {@code table}, counted with plain SQL on a connection of its own, outside any unit of work. */
    protected long rowCount(String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return countWithSql("SELECT COUNT(*) FROM " + table);
    }

    /** The single number {@code sql} answers, asked with plain SQL on a connection of its own. */
    protected long countWithSql(String sql) {
        return StoredRows.of(database).count(sql);
    }

    /**
     * Asserts that every row of {@code article_counts} (the shards of the total summed) equals a real count of
     * the rows it stands for, and that no counted subject lacks its row: a counter that drifted on any write
     * path fails here, whichever list would have shown it.
     */
    protected void assertCountersMatchRows() {
        Map<String, Long> counted = StoredRows.of(database).numbersBy("""
                SELECT CASE scope WHEN 'all' THEN 'all' ELSE scope || ':' || subject_id END, SUM(n)
                  FROM article_counts GROUP BY 1""");
        Map<String, Long> stored = StoredRows.of(database).numbersBy("""
                SELECT 'all', COUNT(*) FROM articles
                UNION ALL SELECT 'author:' || author_id, COUNT(*) FROM articles GROUP BY author_id
                UNION ALL SELECT 'tag:' || tag_id, COUNT(*) FROM article_tags GROUP BY tag_id
                UNION ALL SELECT 'fan:' || user_id, COUNT(*) FROM favorites GROUP BY user_id""");
        counted.values().removeIf(n -> n == 0);
        stored.values().removeIf(n -> n == 0);
        assertThat(counted).as("article_counts against count(*) of the rows").isEqualTo(stored);
    }

    /** How many SQL statements the adapter has run on this database so far, whatever their outcome. */
    protected long statementsRun() {
        return database.meters().find(StatementMetrics.STATEMENTS).timers().stream()
                .mapToLong(Timer::count)
                .sum();
    }

    /** How many SQL statements {@code work} runs. */
    protected long statementsRunBy(Runnable work) {
        long before = statementsRun();
        work.run();
        return statementsRun() - before;
    }
}
