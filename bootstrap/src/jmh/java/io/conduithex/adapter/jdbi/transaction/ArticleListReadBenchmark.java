package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.application.seed.SeedDatabase;
import io.conduithex.application.seed.SeedListener;
import io.conduithex.application.seed.SeedOutcome;
import io.conduithex.application.seed.SeedPlan;
import io.conduithex.bootstrap.security.BCryptPasswordHasher;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.ArticlePage;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.port.persistence.UnitOfWork;
import io.conduithex.domain.user.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A page of 20 articles from {@code ArticleReadModel.list}, in a read-only unit of work as
 * {@code ListArticles} runs it: the statements, SQLite's work and the mapping of the rows into domain objects.
 * Only the public ports are used, so the benchmark stays valid whatever SQL the read model runs. The database
 * is a SQLite file in a temporary folder, migrated with the production migrations and filled by the seed use
 * case (deterministic, so every run lists the same rows); it is deleted at the end of the trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ArticleListReadBenchmark {
    private static final TransactionSpec LIST = TransactionSpec.readOnly("list-articles");
    private static final SeedPlan DATA = new SeedPlan("jmh", 50, 400, 0, 400);

    /** {@code anonymous}, or {@code signed-in}: the page also carries the viewer's favorited and following flags. */
    @Param({"anonymous", "signed-in"})
    public String viewer;

    private Path folder;
    private JdbiPersistence persistence;
    private UnitOfWork unitOfWork;
    private Optional<UserId> viewerId;

    @Setup
    public void seededDatabase() throws IOException {
        folder = Files.createTempDirectory("conduit-jmh");
        persistence = JdbiPersistence.open(DatabaseSettings.forUrl("jdbc:sqlite:" + folder.resolve("conduit.db")),
                new SimpleMeterRegistry());
        persistence.migrate();
        SeedOutcome outcome = new SeedDatabase(persistence.seedWriter(),
                new BCryptPasswordHasher(BCryptPasswordHasher.MIN_COST), Clock.systemUTC())
                .seed(DATA, SeedListener.SILENT);
        if (!(outcome instanceof SeedOutcome.Seeded)) {
            throw new IllegalStateException("the fresh database was not seeded: " + outcome);
        }
        unitOfWork = persistence.unitOfWork();
        viewerId = switch (viewer) {
            case "anonymous" -> Optional.empty();
            case "signed-in" -> Optional.of(anAuthorOnTheFirstPage());
            default -> throw new IllegalArgumentException("viewer must be anonymous or signed-in, was " + viewer);
        };
        ArticlePage page = list();
        if (page.articles().size() != PageRequest.DEFAULT_LIMIT || page.totalCount() != DATA.articles()) {
            throw new IllegalStateException("expected a full page of " + DATA.articles() + " articles, got "
                    + page.articles().size() + " of " + page.totalCount());
        }
    }

    private UserId anAuthorOnTheFirstPage() {
        return unitOfWork.inTransaction(LIST, tx -> {
            var author = tx.articleReads().list(ArticleFilter.ALL, PageRequest.FIRST, Optional.empty())
                    .articles().get(0).author().username();
            return tx.users().findByUsername(author).orElseThrow().id();
        });
    }

    @TearDown
    public void deleteDatabase() throws IOException {
        persistence.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public ArticlePage list() {
        return unitOfWork.inTransaction(LIST,
                tx -> tx.articleReads().list(ArticleFilter.ALL, PageRequest.FIRST, viewerId));
    }
}
