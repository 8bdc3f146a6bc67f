package io.conduithex.adapter.jdbi.values;

import java.util.regex.Pattern;

/** JDBC URL helpers that keep secrets out of logs. */
public final class JdbcUrls {
    // user:password@ in the authority, and password=... among the query parameters.
    private static final Pattern USERINFO = Pattern.compile("(//[^/@:]*:)[^@/]*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");

    private JdbcUrls() {
    }

    /** The URL with any embedded password replaced by {@code ****}. */
    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        String withoutUserInfo = USERINFO.matcher(url).replaceAll("$1****@");
        return PASSWORD_PARAM.matcher(withoutUserInfo).replaceAll("$1****");
    }
}
