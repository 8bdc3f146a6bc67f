package io.conduithex.bootstrap.cli;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.setup.MariaDbDatabaseSetup;
import io.conduithex.adapter.jdbi.setup.PostgresDatabaseSetup;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.config.SqliteFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** Brings a database from nothing to ready: creates it, migrates it, checks it. */
@Command(name = "setup", description = {"Prepare the database from scratch, then check it. PostgreSQL: create the",
        "database DATABASE_URL names if it is missing (connecting to the server's 'postgres' database as",
        "DATABASE_MIGRATION_USER, else DATABASE_USER, which then needs CREATEDB), create required extensions",
        "(none at present), apply migrations. MariaDB: create the database if it is missing, in utf8mb4 with",
        "the collation utf8mb4_nopad_bin (connecting to the server without a database as DATABASE_MIGRATION_USER,",
        "else DATABASE_USER); when DATABASE_MIGRATION_USER is set and DATABASE_USER names another user, create",
        "that user as 'user'@'%' with DATABASE_PASSWORD if missing and grant it SELECT, INSERT, UPDATE, DELETE",
        "on the database, nothing more; apply migrations as DATABASE_MIGRATION_USER. SQLite: create the folder",
        "and file, apply migrations.",
        "Then validate the migrations and ping the database. Safe to run again: it says nothing was needed.",
        "Exit codes: 0 ready, 1 failed (one line saying why), 2 bad configuration."})
final class SetupCommand extends DatabaseCommand {

    @Override
    int run(AppConfig config, PrintWriter out, PrintWriter err) {
        DatabaseSettings settings = config.database();
        List<String> changes = new ArrayList<>();
        switch (settings.dialect()) {
            case POSTGRESQL -> preparePostgres(settings, out, changes);
            case SQLITE -> prepareSqlite(settings, out, changes);
            case MARIADB -> prepareMariaDb(settings, out, changes);
        }
        try (var persistence = open(settings)) {
            var migrations = persistence.migrations();
            var result = migrations.migrate();
            out.println("Migrations: " + result.applied() + " applied, schema version " + result.currentVersion());
            if (result.applied() > 0) {
                changes.add("applied " + result.applied() + " migration(s)");
            }
            var problems = migrations.validate();
            if (!problems.isEmpty()) {
                problems.forEach(problem -> out.println("INVALID " + problem));
                throw new CommandFailure("the migrations do not validate after setup (" + problems.size()
                        + " problem(s) above)");
            }
            long pingMillis = persistence.probe().ping().toMillis();
            out.println("Verified: migrations valid, database answered in " + pingMillis + " ms");
            out.println(changes.isEmpty()
                    ? "Setup complete: nothing was needed, the database is ready at schema version "
                            + result.currentVersion()
                    : "Setup complete: " + String.join(", ", changes));
            return 0;
        }
    }

    /** A server's preparation, which may fail on the server. */
    private interface ServerSetup<O> {
        O run() throws SQLException;
    }

    /** {@code setup}'s outcome; a bad setting or a server's refusal is the command's failure, in one line. */
    private static <O> O prepared(ServerSetup<O> setup) {
        try {
            return setup.run();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        } catch (SQLException e) {
            throw new CommandFailure("could not prepare the database: " + describe(e));
        }
    }

    private static void reportDatabase(PrintWriter out, List<String> changes, String database, boolean created) {
        out.println("Database \"" + database + "\": " + (created ? "created" : "already exists"));
        if (created) {
            changes.add("created database \"" + database + "\"");
        }
    }

    private static void preparePostgres(DatabaseSettings settings, PrintWriter out, List<String> changes) {
        var outcome = prepared(() -> new PostgresDatabaseSetup(settings).run());
        reportDatabase(out, changes, outcome.database(), outcome.created());
        if (PostgresDatabaseSetup.REQUIRED_EXTENSIONS.isEmpty()) {
            out.println("Extensions: none required");
        } else if (outcome.extensionsCreated().isEmpty()) {
            out.println("Extensions: all present ("
                    + String.join(", ", PostgresDatabaseSetup.REQUIRED_EXTENSIONS) + ")");
        } else {
            out.println("Extensions: created " + String.join(", ", outcome.extensionsCreated()));
            changes.add("created extension(s) " + String.join(", ", outcome.extensionsCreated()));
        }
    }

    private static void prepareMariaDb(DatabaseSettings settings, PrintWriter out, List<String> changes) {
        var outcome = prepared(() -> new MariaDbDatabaseSetup(settings).run());
        reportDatabase(out, changes, outcome.database(), outcome.created());
        boolean asMigrations = MariaDbDatabaseSetup.CHARACTER_SET.equals(outcome.characterSet())
                && MariaDbDatabaseSetup.COLLATION.equals(outcome.collation());
        out.println("Character set: " + outcome.characterSet() + ", collation " + outcome.collation()
                + (asMigrations ? "" : " (the tables the migrations make name their own: "
                        + MariaDbDatabaseSetup.CHARACTER_SET + ", " + MariaDbDatabaseSetup.COLLATION + ")"));
        outcome.application().ifPresentOrElse(application -> {
            out.println("Application user " + application.account() + ": "
                    + (application.created() ? "created" : "already exists"));
            if (application.created()) {
                changes.add("created user " + application.account());
            }
            String privileges = "Privileges of " + application.account() + " on " + outcome.database() + ": ";
            if (application.granted().isEmpty()) {
                out.println(privileges + String.join(", ", MariaDbDatabaseSetup.APPLICATION_PRIVILEGES)
                        + " already held");
            } else {
                out.println(privileges + "granted " + String.join(", ", application.granted()));
                changes.add("granted " + String.join(", ", application.granted()) + " on " + outcome.database()
                        + " to " + application.account());
            }
        }, () -> out.println("Application user: not managed (setup creates one when DATABASE_MIGRATION_USER is set"
                + " and DATABASE_USER names another user)"));
    }

    private static void prepareSqlite(DatabaseSettings settings, PrintWriter out, List<String> changes) {
        var file = SqliteFiles.databaseFile(settings.url());
        if (file.isEmpty()) {
            out.println("Database: in memory, nothing to create");
            return;
        }
        boolean existed = Files.exists(file.get());
        SqliteFiles.ensureFolderExists(settings.url());
        var path = file.get().toAbsolutePath();
        out.println("Database file " + path + ": " + (existed ? "already exists" : "created"));
        if (!existed) {
            changes.add("created database file " + path);
        }
        out.println("Extensions: not applicable to SQLite");
    }
}
