package io.conduithex.adapter.jdbi.setup;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's JDBC URL as setup reads it: what comes before the database name (scheme and hosts), the name, and the
 * options after it, which setup keeps as they are (TLS among them) whatever database it connects to.
 *
 * @param prefix   the scheme and hosts, up to and including the {@code /} before the name
 * @param database the database name, possibly empty
 * @param options  {@code ?...}, or empty
 */
record ServerUrl(String prefix, String database, String options) {

    /**
     * Splits {@code url} by {@code form}, whose three groups are the prefix, the name and the options.
     *
     * @throws IllegalArgumentException when the URL does not have that form
     */
    static ServerUrl parse(Pattern form, String url) {
        Matcher m = form.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a JDBC URL of the form " + form.pattern());
        }
        return new ServerUrl(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3));
    }

    /** The same server and options, another database (empty: none). */
    String withDatabase(String other) {
        return prefix + other + options;
    }

    /**
     * The database name, checked to be a plain lower-case identifier of at most {@code maxLength} characters, so
     * that it can go into a statement quoted without any escaping.
     *
     * @param expected the URL's form, for the message when it names no database
     * @throws IllegalArgumentException naming the problem when the URL names no database or an unusual one
     */
    static String plainDatabaseName(Pattern form, String url, String expected, int maxLength) {
        Matcher m = form.matcher(url);
        if (!m.matches() || m.group(2).isEmpty()) {
            throw new IllegalArgumentException("DATABASE_URL names no database (expected " + expected + ")");
        }
        String name = m.group(2);
        if (!isPlainIdentifier(name, maxLength)) {
            throw new IllegalArgumentException("database name \"" + name + "\" is not a plain identifier "
                    + "(lower-case letters, digits and _, starting with a letter or _, at most " + maxLength
                    + " characters); create it yourself and run setup again");
        }
        return name;
    }

    /** Lower-case letters, digits and _, starting with a letter or _: nothing that needs quoting or escaping. */
    static boolean isPlainIdentifier(String name, int maxLength) {
        return name.length() <= maxLength && name.matches("[a-z_][a-z0-9_]*");
    }
}
