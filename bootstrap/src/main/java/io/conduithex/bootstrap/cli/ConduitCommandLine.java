package io.conduithex.bootstrap.cli;

import io.conduithex.bootstrap.config.Setting;
import java.util.ArrayList;
import java.util.List;
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
                commandLine.getSubcommands().get(name).getCommandSpec().usageMessage().footer(configurationHelp()));
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: one of " + String.join(", ", commands(spec.commandLine())));
    }

    /** The application's commands, in the order they are declared (picocli's own help command left out). */
    private static List<String> commands(CommandLine commandLine) {
        return commandLine.getSubcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
    }

    /** The settings, as every command's help ends: generated from {@link Setting}, so it cannot leave one out. */
    private static String[] configurationHelp() {
        var lines = new ArrayList<String>();
        lines.add("");
        lines.add("Environment variables (-DNAME=value overrides one):");
        lines.addAll(Setting.helpLines());
        return lines.toArray(String[]::new);
    }
}
