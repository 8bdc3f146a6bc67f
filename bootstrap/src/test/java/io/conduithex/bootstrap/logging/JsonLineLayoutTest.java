package io.conduithex.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JsonLineLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final JsonLineLayout layout = new JsonLineLayout();

    JsonLineLayoutTest() {
        layout.setContext(context);
        layout.start();
    }

    @Test
    void anEventIsOneLineOfJsonWithTheOperatorFields() throws Exception {
        var event = event("GET {} -> {}", new Object[] {"/api/articles/{slug}", 404}, null);
        event.setMDCPropertyMap(Map.of("requestId", "req-1"));

        String line = layout.doLayout(event);

        assertThat(line).endsWith("\n").doesNotContain("\r");
        assertThat(line.strip()).doesNotContain("\n");
        var json = JSON.readTree(line);
        assertThat(json.path("timestamp").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("logger").asText()).isEqualTo("io.conduithex.adapter.web.requests");
        assertThat(json.path("thread").asText()).isEqualTo("worker-7");
        assertThat(json.path("message").asText()).isEqualTo("GET /api/articles/{slug} -> 404");
        assertThat(json.path("requestId").asText()).isEqualTo("req-1");
        assertThat(json.has("exception")).isFalse();
    }

    @Test
    void quotesAndLineBreaksInTheMessageAndTheStackTraceStayInsideOneLine() throws Exception {
        var failure = new IllegalStateException("broke \"here\"\nand there");
        var event = event("failed: {}", new Object[] {"a \"quoted\"\nvalue"}, failure);

        String line = layout.doLayout(event);

        assertThat(line.strip()).doesNotContain("\n");
        var json = JSON.readTree(line);
        assertThat(json.path("message").asText()).isEqualTo("failed: a \"quoted\"\nvalue");
        assertThat(json.path("exception").asText()).startsWith("java.lang.IllegalStateException: broke \"here\"")
                .contains("at io.conduithex.bootstrap.logging.JsonLineLayoutTest");
        assertThat(json.has("requestId")).isFalse();
    }

    private LoggingEvent event(String message, Object[] arguments, Throwable failure) {
        var logger = context.getLogger("io.conduithex.adapter.web.requests");
        var event = new LoggingEvent(getClass().getName(), logger, Level.INFO, message, failure, arguments);
        event.setThreadName("worker-7");
        event.setInstant(Instant.parse("2026-01-02T03:04:05.678Z"));
        return event;
    }
}
