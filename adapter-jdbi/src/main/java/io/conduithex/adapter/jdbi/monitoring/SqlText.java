package io.conduithex.adapter.jdbi.monitoring;

import java.util.regex.Pattern;

/**
 * SQL text as operators see it: on one line, cut to a readable length, and with every literal masked as
 * {@code ?}, so that grouped statements read like their prepared form and no value shows, even one a statement
 * wrote into its text instead of binding it.
 */
final class SqlText {
    /** Longer SQL is cut; the beginning names the statement. */
    static final int MAX_CHARS = 1000;
    // A quoted string ('' escapes a quote), with an optional prefix such as E'..' or X'..'.
    private static final Pattern STRING = Pattern.compile("(?i)\\b[ENX]?'(?:[^']|'')*'|'(?:[^']|'')*'");
    // A number not part of a name (t1, $1, col_2) nor of a placeholder.
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w$.])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![\\w.])");

    private SqlText() {
    }

    static String normalized(String sql) {
        if (sql == null) {
            return "<unknown>";
        }
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        String masked = NUMBER.matcher(STRING.matcher(oneLine).replaceAll("?")).replaceAll("?");
        return masked.length() <= MAX_CHARS ? masked : masked.substring(0, MAX_CHARS) + "...";
    }
}
