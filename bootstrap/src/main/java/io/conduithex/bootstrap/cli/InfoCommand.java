package io.conduithex.bootstrap.cli;

import io.conduithex.adapter.jdbi.migration.MigrationRow;
import io.conduithex.bootstrap.config.AppConfig;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** Lists applied and pending migrations as a table, like {@code flyway info}. */
@Command(name = "info", description = {"List the database migrations, applied and pending, as a table:",
        "version, description, type, installed on (UTC) and state. Changes nothing.",
        "Exit codes: 0 listed, 1 the database could not be read, 2 bad configuration."})
final class InfoCommand extends DatabaseCommand {
    private static final DateTimeFormatter INSTALLED_ON = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final List<String> HEADERS = List.of("Version", "Description", "Type", "Installed on", "State");

    @Override
    int run(AppConfig config, PrintWriter out, PrintWriter err) {
        requireExistingDatabase(config.database());
        try (var persistence = open(config.database())) {
            var state = persistence.migrations().state();
            List<List<String>> rows = new ArrayList<>();
            for (MigrationRow row : state.migrations()) {
                rows.add(List.of(row.version() == null ? "" : row.version(), row.description(), row.type(),
                        row.installedOn() == null ? "" : INSTALLED_ON.format(row.installedOn()), row.state()));
            }
            printTable(out, rows);
            out.println("Schema version " + state.versionLabel() + ": " + state.summary());
            return 0;
        }
    }

    private static void printTable(PrintWriter out, List<List<String>> rows) {
        int[] widths = new int[HEADERS.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = HEADERS.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        String rule = rule(widths);
        out.println(rule);
        out.println(line(HEADERS, widths));
        out.println(rule);
        if (rows.isEmpty()) {
            out.println("| No migrations found");
        }
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
        out.println(rule);
    }

    private static String rule(int[] widths) {
        var builder = new StringBuilder("+");
        for (int width : widths) {
            builder.append("-".repeat(width + 2)).append('+');
        }
        return builder.toString();
    }

    private static String line(List<String> cells, int[] widths) {
        var builder = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            builder.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length() + 1)).append('|');
        }
        return builder.toString();
    }
}
