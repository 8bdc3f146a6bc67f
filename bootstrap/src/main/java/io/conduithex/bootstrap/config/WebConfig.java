package io.conduithex.bootstrap.config;

import static io.conduithex.bootstrap.config.Setting.CORS_ALLOWED_ORIGINS;
import static io.conduithex.bootstrap.config.Setting.HTTP_THREADS;
import static io.conduithex.bootstrap.config.Setting.PORT;

import io.conduithex.adapter.web.WebSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The HTTP server's settings: where it listens, how many threads it runs, which browser origins it allows. */
public record WebConfig(int port, List<String> corsAllowedOrigins, int httpThreads) {
    private static final Pattern ORIGIN = Pattern.compile("(?i)https?://[^/\\s,*]+");

    public WebConfig {
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    }

    static WebConfig read(ConfigReader read) {
        return new WebConfig(read.integer(PORT), origins(read.text(CORS_ALLOWED_ORIGINS)), read.integer(HTTP_THREADS));
    }

    private static List<String> origins(String value) {
        List<String> origins = Arrays.stream(value.split(",")).map(String::strip).toList();
        boolean valid = origins.equals(List.of(WebSettings.ANY_ORIGIN))
                || origins.stream().allMatch(origin -> ORIGIN.matcher(origin).matches());
        if (!valid) {
            throw ConfigReader.invalid(CORS_ALLOWED_ORIGINS, value);
        }
        return origins;
    }

    /** The web adapter's settings: these, and its own defaults for the rest. */
    public WebSettings webSettings() {
        return WebSettings.defaults().withPort(port).withAllowedOrigins(corsAllowedOrigins)
                .withHttpThreads(httpThreads);
    }

    void describe(Map<Setting, Object> into) {
        into.put(PORT, port);
        into.put(CORS_ALLOWED_ORIGINS, String.join(",", corsAllowedOrigins));
        into.put(HTTP_THREADS, httpThreads);
    }
}
