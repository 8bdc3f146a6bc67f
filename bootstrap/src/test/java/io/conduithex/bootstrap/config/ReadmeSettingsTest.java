package io.conduithex.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's configuration table says what {@link Setting} says: the same variables in the same order, each
 * with the same default and allowed values (the README may add code quotes, and explains more in its last column).
 */
class ReadmeSettingsTest {
    /** Tests run with the module as working directory; the README is the repository's. */
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| (.*?) \\| (.*?) \\| .* \\|$");

    @Test
    void theReadmeListsEverySettingWithItsDefaultAndAllowedValues() throws IOException {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (String line : configurationSection()) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                documented.put(row.group(1), List.of(unquoted(row.group(2)), unquoted(row.group(3))));
            }
        }

        Map<String, List<String>> declared = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            declared.put(setting.name(), List.of(setting.shownDefault, setting.allowed));
        }
        assertThat(documented.keySet()).as("variables in README.md's configuration table")
                .containsExactlyElementsOf(declared.keySet());
        assertThat(documented).as("default and allowed values of each variable in README.md")
                .containsExactlyEntriesOf(declared);
    }

    private static List<String> configurationSection() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("## Configuration");
        assertThat(start).as("README.md has a '## Configuration' section").isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start, end);
    }

    private static String unquoted(String cell) {
        return cell.replace("`", "").strip();
    }

    @Test
    void everySettingIsInTheHelpWithItsDefault() {
        String help = String.join("\n", Setting.helpLines());

        assertThat(Arrays.stream(Setting.values()))
                .allSatisfy(setting -> assertThat(help).contains("  " + setting.name() + " (default: "
                        + setting.shownDefault + ")"));
    }
}
