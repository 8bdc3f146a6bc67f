package io.conduithex.adapter.jdbi.monitoring;

import io.conduithex.domain.port.persistence.DatabaseDiagnostics.LatestDeadlock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The LATEST DETECTED DEADLOCK section of InnoDB's status report: when it happened, the two transactions, the
 * statements they ran and the locks they held and wanted, and which one InnoDB rolled back. What could hold
 * personal data or secrets is masked: the statements' string literals, and the locked records' fields, which
 * InnoDB dumps in hex and text (an e-mail, a password hash); the report is cut to {@value #MAX_CHARS} characters.
 */
final class InnoDbDeadlock {
    static final int MAX_CHARS = 8000;
    private static final String HEADING = "LATEST DETECTED DEADLOCK";
    private static final Pattern RULE = Pattern.compile("^-{4,}$", Pattern.MULTILINE);
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.|'')*'");
    /** A field of a locked record: {@code  3: len 16; hex 6a61...; asc jane@example.com;;}. */
    private static final Pattern RECORD_FIELD = Pattern.compile("^(\\s*\\d+: len \\d+;) hex .*$", Pattern.MULTILINE);

    private InnoDbDeadlock() {
    }

    static LatestDeadlock from(String status) {
        int heading = status.indexOf(HEADING);
        if (heading < 0) {
            return new LatestDeadlock(true, Optional.empty(), Optional.empty(),
                    "InnoDB has broken no deadlock since the server started");
        }
        // The heading sits between two rules; the section runs to the rule above the next heading.
        var rules = RULE.matcher(status);
        int start = rules.find(heading) ? rules.end() : heading + HEADING.length();
        int end = rules.find(start) ? rules.start() : status.length();
        String section = status.substring(start, end).strip();
        String detected = section.lines().findFirst().orElse("").strip();
        String masked = RECORD_FIELD.matcher(STRING_LITERAL.matcher(section).replaceAll("'?'"))
                .replaceAll("$1 (value masked)");
        String text = masked.length() <= MAX_CHARS ? masked : masked.substring(0, MAX_CHARS) + "...";
        return new LatestDeadlock(true, Optional.of(detected), Optional.of(text),
                "InnoDB keeps its latest deadlock only, server-wide, until the server restarts; string literals and"
                        + " the locked records' values are masked");
    }

    static LatestDeadlock unreadable(String why) {
        return LatestDeadlock.notKept(why);
    }

    static Map<String, Object> asMap(LatestDeadlock deadlock) {
        var map = new LinkedHashMap<String, Object>();
        map.put("reported", deadlock.reported());
        deadlock.detected().ifPresent(detected -> map.put("detected", detected));
        deadlock.text().ifPresent(text -> map.put("text", text));
        map.put("note", deadlock.note());
        return map;
    }
}
