package io.conduithex.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed command on a SQLite file of its own: the shared scenarios, plus progress, bad options and resuming. */
class SeedCommandTest extends SeedCommandScenarios {
    @TempDir
    Path folder;

    @Override
    protected String databaseUrl() {
        return "jdbc:sqlite:" + folder.resolve("data").resolve("conduit.db");
    }

    @Test
    void withoutATerminalItPrintsAProgressLineAtEachTenthOfAPhaseWithRateAndEta() {
        useTheDatabase();

        int exitCode = run("seed", "--users", "10", "--articles", "40", "--comments", "40", "--batch-size", "4");

        assertThat(exitCode).as(cli.err()).isZero();
        var lines = cli.out().lines().toList();
        assertThat(lines).contains("users: 0/10", "follows: 0/10", "articles: 0/40");
        assertThat(lines).filteredOn(line -> line.matches("articles: \\d+/40 \\(\\d+%\\), \\d+/s, ETA \\d+:\\d\\d"))
                .extracting(line -> line.substring(0, line.indexOf(" (")))
                .containsExactly("articles: 4/40", "articles: 8/40", "articles: 12/40", "articles: 16/40",
                        "articles: 20/40", "articles: 24/40", "articles: 28/40", "articles: 32/40", "articles: 36/40");
        assertThat(lines).anyMatch(line -> line.matches("users: 10/10 done in [0-9.]+ s, \\d+/s"));
        assertThat(lines).anyMatch(line -> line.matches("articles: 40/40 done in [0-9.]+ s, \\d+/s"));
        assertThat(lines).noneMatch(line -> line.contains("\r"));
    }

    @Test
    void anInterruptedRunIsCompletedByRunningItAgainWithoutWritingARowTwice() throws SQLException {
        useTheDatabase();
        assertThat(run("migrate")).isZero();
        // Article 31 of the run cannot be inserted: the run stops in the middle of its second batch of articles.
        execute("""
                CREATE TRIGGER interrupt_seed BEFORE INSERT ON articles WHEN NEW.slug LIKE '%-31-delta'
                BEGIN SELECT RAISE(ABORT, 'interrupted by the test'); END""");
        String[] seed = {"seed", "--users", "20", "--articles", "50", "--comments", "100", "--batch-size", "20",
            "--run-id", "delta"};

        int interrupted = run(seed);
        Map<String, Long> partial = rowCounts();

        assertThat(interrupted).isEqualTo(1);
        assertThat(cli.err()).contains("Seeding failed", "run the same command again to resume");
        assertThat(partial).containsEntry("users", 20L).containsEntry("articles", 20L);
        assertThat(partial.get("comments")).isEqualTo(40L);
        int otherSizes = run("seed", "--users", "20", "--articles", "60", "--comments", "100", "--run-id", "delta");

        assertThat(otherSizes).isEqualTo(2);
        assertThat(cli.err().lines().findFirst()).hasValue("Seed run 'delta' was started with --users 20"
                + " --articles 50 --comments 100 and is unfinished: run it again with those sizes to complete it,"
                + " or use another --run-id");
        assertThat(rowCounts()).isEqualTo(partial);

        execute("DROP TRIGGER interrupt_seed");
        int resumed = run(seed);

        assertThat(resumed).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Seeded run 'delta' (resumed)", "articles: 20/50 (resuming)");
        Map<String, Long> complete = rowCounts();
        assertThat(complete).containsEntry("users", 20L).containsEntry("articles", 50L)
                .containsEntry("comments", 100L);
        assertThat(count("SELECT COUNT(*) FROM (SELECT DISTINCT follower_id, followee_id FROM follows)"))
                .isEqualTo(complete.get("follows"));
        assertThat(favoriteCountsThatDisagreeWithFavorites()).isZero();
    }

    @Test
    void badOptionsExitWith2AndSayWhatIsWrongOnTheFirstLine() {
        useTheDatabase();
        Map<String[], String> cases = Map.of(
                new String[] {"seed", "--users", "-1"}, "--users must be between 0 and 1000000, was -1",
                new String[] {"seed", "--users", "0", "--articles", "5"},
                "--articles 5 needs authors: give --users > 0",
                new String[] {"seed", "--users", "5", "--articles", "0", "--comments", "3"},
                "--comments 3 needs articles: give --articles > 0",
                new String[] {"seed", "--batch-size", "0"}, "--batch-size must be between 1 and 10000, was 0",
                new String[] {"seed", "--run-id", "Not_Valid"},
                "--run-id must be 1 to 20 lower-case letters and digits, in groups joined by single hyphens,"
                        + " was \"Not_Valid\"",
                new String[] {"seed", "--users", "many"},
                "Invalid value for option '--users': 'many' is not an int");

        cases.forEach((args, firstLine) -> {
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(cli.err().lines().findFirst()).as(String.join(" ", args)).hasValue(firstLine);
            assertThat(cli.out()).isEmpty();
        });
        assertThat(folder.resolve("data")).doesNotExist();
    }

    @Test
    void itHasHelp() {
        assertThat(run("seed", "--help")).isZero();
        assertThat(cli.out()).contains("--users", "--articles", "--comments", "--run-id", "--batch-size",
                "DATABASE_URL");
    }
}
