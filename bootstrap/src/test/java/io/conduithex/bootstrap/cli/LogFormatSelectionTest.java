package io.conduithex.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.startup.Conduit;
import io.conduithex.testsupport.kit.HttpCalls;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * LOG_FORMAT=json, set as an operator would (here as -D properties, which the configuration reads like
 * environment variables), turns the process's stream log output into one JSON object per line; each request
 * line carries its route, status and the request id the client saw in X-Request-Id.
 */
class LogFormatSelectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
    private Map<String, String> variables;

    @BeforeEach
    void attachAStreamAppenderLikeTheConsole() {
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context());
        encoder.setPattern("%level %logger - %msg%n");
        encoder.start();
        console.setContext(context());
        console.setEncoder(encoder);
        console.setOutputStream(output);
        console.start();
        root().addAppender(console);
        variables = Map.of(
                AppConfig.LOG_FORMAT, "json",
                AppConfig.DATABASE_URL, "jdbc:sqlite:" + folder.resolve("conduit.db"),
                AppConfig.PORT, "0",
                AppConfig.BCRYPT_COST, "4",
                AppConfig.JWT_SECRET, "log-format-test-jwt-secret-32-bytes-long");
        variables.forEach(System::setProperty);
    }

    @AfterEach
    void detach() {
        variables.keySet().forEach(System::clearProperty);
        root().detachAppender(console);
        console.stop();
    }

    @Test
    void withLogFormatJsonEveryLineIsAJsonObjectAndARequestLineCarriesItsRequestId() throws Exception {
        var config = DatabaseCommand.loadConfiguration(new PrintWriter(new StringWriter())).orElseThrow();
        HttpResponse<String> missing;
        try (var conduit = Conduit.start(config)) {
            var http = HttpClient.newHttpClient();
            var base = URI.create("http://127.0.0.1:" + conduit.port());
            missing = HttpCalls.checkedSend(http, HttpRequest.newBuilder(base.resolve("/api/articles/no-such-article"))
                    .header("X-Request-Id", "json-log-request-1").GET().build());
        }

        assertThat(missing.statusCode()).isEqualTo(404);
        List<JsonNode> lines = new ArrayList<>();
        boolean chosen = false;
        for (String line : output.toString(StandardCharsets.UTF_8).split("\n")) {
            // The format is chosen before the application logs anything: a text line before the first JSON one can
            // only be another test's thread, still running in this JVM (a pool's housekeeper, say).
            chosen = chosen || line.startsWith("{");
            if (chosen) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).as("start-up, request and shutdown lines").hasSizeGreaterThan(5)
                .allSatisfy(line -> assertThat(line.fieldNames()).toIterable()
                        .contains("timestamp", "level", "logger", "thread", "message"));
        assertThat(lines).filteredOn(line -> line.path("logger").asText().equals("io.conduithex.adapter.web.requests"))
                .singleElement().satisfies(request -> {
                    assertThat(request.path("level").asText()).isEqualTo("INFO");
                    assertThat(request.path("requestId").asText()).isEqualTo("json-log-request-1");
                    assertThat(request.path("message").asText())
                            .startsWith("GET /api/articles/{slug} -> 404 in ").endsWith(" ms [json-log-request-1]");
                });
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    private static Logger root() {
        return context().getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
