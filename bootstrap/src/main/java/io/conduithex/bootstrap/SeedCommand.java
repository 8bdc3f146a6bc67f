package io.conduithex.bootstrap;

import io.conduithex.adapter.jdbi.values.JdbcUrls;
import io.conduithex.application.seed.SeedCounts;
import io.conduithex.application.seed.SeedDatabase;
import io.conduithex.application.seed.SeedListener;
import io.conduithex.application.seed.SeedOutcome;
import io.conduithex.application.seed.SeedPlan;
import io.conduithex.bootstrap.security.BCryptPasswordHasher;
import io.conduithex.domain.seed.SeedRun;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Fills the database with generated users, follows, articles, tags, favorites and comments. */
@Command(name = "seed",
        description = {"Fill the database with realistic generated data, in batched transactions, then exit.",
            "Idempotent per run id: running a finished run again adds nothing; running an interrupted one"
                + " completes it. Migrates the database first."})
final class SeedCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(SeedCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--users", paramLabel = "N", defaultValue = "100",
            description = "Users to create, 0-" + SeedPlan.MAX_USERS + "; each follows about "
                    + SeedPlan.FOLLOWS_PER_USER + " others (default: ${DEFAULT-VALUE}).")
    private int users;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "500",
            description = "Articles to create, 0-" + SeedPlan.MAX_ARTICLES + ", with 0-5 tags and about "
                    + SeedPlan.FAVORITES_PER_ARTICLE + " favorites each (default: ${DEFAULT-VALUE}).")
    private int articles;

    @Option(names = "--comments", paramLabel = "N", defaultValue = "1000",
            description = "Comments to spread over the articles, 0-" + SeedPlan.MAX_COMMENTS
                    + " (default: ${DEFAULT-VALUE}).")
    private long comments;

    @Option(names = "--run-id", paramLabel = "ID", defaultValue = SeedPlan.DEFAULT_RUN_ID,
            description = "Names the run; part of every generated username and slug, so runs never collide"
                    + " (default: ${DEFAULT-VALUE}).")
    private String runId;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1000",
            description = "Users or articles per transaction, 1-" + SeedPlan.MAX_BATCH_SIZE
                    + " (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Override
    public Integer call() {
        SeedPlan plan;
        try {
            plan = new SeedPlan(runId, users, articles, comments, batchSize);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        var config = Main.loadConfiguration(spec.commandLine().getErr());
        if (config.isEmpty()) {
            return Main.EXIT_BAD_CONFIGURATION;
        }
        var settings = config.get().database();
        log.info("Configuration: {}", config.get().describe());
        SqliteFiles.ensureFolderExists(settings.url());
        PrintWriter out = spec.commandLine().getOut();
        try (var persistence = DatabaseCommand.open(settings)) {
            persistence.migrate();
            out.println("Seeding run '" + plan.runId() + "' into " + persistence.dialect() + " database "
                    + JdbcUrls.masked(settings.url()));
            out.flush();
            var seeding = new SeedDatabase(persistence.seedWriter(), new BCryptPasswordHasher(config.get().bcryptCost()),
                    Clock.systemUTC());
            return report(seeding.seed(plan, listener(out)), out);
        } catch (ParameterException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Seeding failed", e);
            spec.commandLine().getErr().println("Seeding failed: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + " (details in the log; run the same command again to resume)");
            return Main.EXIT_FAILED;
        }
    }

    private static SeedListener listener(PrintWriter out) {
        return System.console() != null ? new ProgressBar(out, System::nanoTime) : new ProgressLines(out, System::nanoTime);
    }

    private int report(SeedOutcome outcome, PrintWriter out) {
        if (outcome instanceof SeedOutcome.Seeded seeded) {
            SeedCounts written = seeded.written();
            double seconds = Math.max(seeded.took().toNanos() / 1e9, 1e-9);
            out.println(String.format(Locale.ROOT,
                    "Seeded run '%s'%s in %.1f s: %d users, %d follows, %d articles, %d article tags, %d favorites,"
                            + " %d comments (%d rows, %.0f rows/s)",
                    seeded.run().runId(), seeded.resumed() ? " (resumed)" : "", seconds, written.users(),
                    written.follows(), written.articles(), written.articleTags(), written.favorites(),
                    written.comments(), written.total(), written.total() / seconds));
            out.println("Seeded users log in with password " + seeded.password());
            out.flush();
            return 0;
        }
        if (outcome instanceof SeedOutcome.AlreadySeeded already) {
            SeedRun run = already.run();
            out.println("Seed run '" + run.runId() + "' already completed at " + run.finishedAt() + " (" + sizes(run)
                    + "): nothing added. Use another --run-id to add more.");
            out.println("Seeded users log in with password " + SeedDatabase.passwordOf(run.runId()));
            out.flush();
            return 0;
        }
        SeedRun run = ((SeedOutcome.DifferentSizes) outcome).run();
        throw new ParameterException(spec.commandLine(), "Seed run '" + run.runId() + "' was started with "
                + sizes(run) + " and is unfinished: run it again with those sizes to complete it, or use another"
                + " --run-id");
    }

    private static String sizes(SeedRun run) {
        return "--users " + run.users() + " --articles " + run.articles() + " --comments " + run.comments();
    }
}
