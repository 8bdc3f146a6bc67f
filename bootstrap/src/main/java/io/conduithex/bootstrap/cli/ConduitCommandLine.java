package io.conduithex.bootstrap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code java -jar conduit.jar serve|migrate|info|validate|repair|setup|doctor|seed}. Exit
 * codes: 0 done, 1 failed, 2 bad usage or bad configuration (one line on standard error naming the variable).
 */
@Command(name = "conduit",
        description = "The Conduit (RealWorld) API server.",
        subcommands = {ServeCommand.class, MigrateCommand.class, InfoCommand.class, ValidateCommand.class,
            RepairCommand.class, SetupCommand.class, DoctorCommand.class, SeedCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Configuration comes from environment variables; see 'conduit serve --help'."})
public final class ConduitCommandLine implements Runnable {
    @Spec
    private CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    public static CommandLine commandLine() {
        var commandLine = new CommandLine(new ConduitCommandLine());
        commands(commandLine).forEach(name ->
                commandLine.getSubcommands().get(name).getCommandSpec().usageMessage().footer(CONFIGURATION_HELP));
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: one of " + String.join(", ", commands(spec.commandLine())));
    }

    /** The application's commands, in the order they are declared (picocli's own help command left out). */
    private static java.util.List<String> commands(CommandLine commandLine) {
        return commandLine.getSubcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
    }

    static final String[] CONFIGURATION_HELP = {
        "",
        "Environment variables (-DNAME=value overrides one):",
        "  DATABASE_URL             JDBC URL (jdbc:sqlite:./data/conduit.db)",
        "  DATABASE_USER            database user",
        "  DATABASE_PASSWORD        database password",
        "  DATABASE_MIGRATION_USER  user migrations run as (PostgreSQL; DATABASE_USER)",
        "  DATABASE_MIGRATION_PASSWORD  its password",
        "  PORT                     HTTP port, 0-65535 (8080)",
        "  JWT_SECRET               token key, >= 32 bytes (random per start)",
        "  JWT_TTL                  token lifetime, ISO-8601 such as PT12H (P30D)",
        "  DB_POOL_SIZE             maximum database connections (10)",
        "  DB_POOL_TIMEOUT_MS       wait for a connection, ms (5000)",
        "  DB_MAX_LIFETIME_MS       pooled connection lifetime, ms (1800000)",
        "  DB_STATEMENT_TIMEOUT_MS  statement timeout, ms (10000)",
        "  DB_LONG_TRANSACTION_MS   warn about transactions open longer, ms (5000)",
        "  DB_LEAK_DETECTION_MS     report connections lent out longer, ms; 0 = off (60000)",
        "  DB_STARTUP_TIMEOUT_MS    how long serve waits for the database at start, ms (30000)",
        "  DB_SLOW_QUERY_MS         log and count statements slower, ms (500)",
        "  DB_MAX_RETRIES           retries after a transient failure (3)",
        "  BCRYPT_COST              bcrypt cost factor, 4-31 (10)",
        "  CORS_ALLOWED_ORIGINS     * or comma-separated origins (*)",
        "  ADMIN_TOKEN              bearer token for /admin, >= 32 bytes (unset: admin off)",
        "  LOG_FORMAT               text or json (text)",
        "  INSTANCES                instances sharing the database, for doctor (1)",
        "  HTTP_THREADS             HTTP server threads, 8-1000 (4 per CPU + 4)",
    };
}
