package io.conduithex.bootstrap.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.config.ConfigSource;
import io.conduithex.testsupport.kit.CapturedLogs;
import io.conduithex.testsupport.kit.LogRecorder;
import io.conduithex.testsupport.kit.HttpCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The production object graph, end to end, on a SQLite file of its own. */
@ExtendWith(CapturedLogs.class)
class ConduitTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void itCreatesTheDatabaseFolderMigratesAndServesUntilClosed(@TempDir Path folder) throws Exception {
        Path database = folder.resolve("data").resolve("conduit.db");
        var config = AppConfig.load(ConfigSource.of(Map.of(
                "DATABASE_URL", "jdbc:sqlite:" + database, "PORT", "0", "BCRYPT_COST", "4")));

        var conduit = Conduit.start(config);
        URI profile = URI.create("http://127.0.0.1:" + conduit.port() + "/api/profiles/nobody");
        HttpResponse<String> reply;
        try {
            reply = HttpCalls.checkedSend(http,
                    HttpRequest.newBuilder(profile).timeout(Duration.ofSeconds(10)).build());
        } finally {
            conduit.close();
        }

        assertThat(Files.exists(database)).isTrue();
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"errors\":{\"profile\":[\"not found\"]},\"requestId\":\""
                + reply.headers().firstValue("X-Request-Id").orElseThrow() + "\"}");
        var freshClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThatThrownBy(() -> freshClient.send(HttpRequest.newBuilder(profile).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        conduit.close();
    }

    @Test
    void hashingThatCanHoldHalfTheHttpThreadsIsWarnedAboutAtStart(@TempDir Path folder) {
        var defaults = start(folder.resolve("a.db"), Map.of());
        var greedy = start(folder.resolve("b.db"), Map.of("HTTP_THREADS", "12", "PASSWORD_HASH_THREADS", "2",
                "PASSWORD_HASH_WAITING", "4"));

        assertThat(defaults).noneMatch(line -> line.startsWith("PASSWORD_HASH_THREADS"));
        assertThat(greedy).contains("PASSWORD_HASH_THREADS + PASSWORD_HASH_WAITING (6) can hold half or more of the "
                + "12 HTTP_THREADS during a burst of logins; keep it well below");
    }

    /** Starts and stops the application on {@code database}; the warnings it logged meanwhile. */
    private static List<String> start(Path database, Map<String, String> variables) {
        var all = new HashMap<>(Map.of("DATABASE_URL", "jdbc:sqlite:" + database, "PORT", "0", "BCRYPT_COST", "4"));
        all.putAll(variables);
        try (var warnings = LogRecorder.of(Conduit.class)) {
            Conduit.start(AppConfig.load(ConfigSource.of(all))).close();
            return warnings.events().stream().filter(event -> event.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedStopsTheStartWithTheReason(@TempDir Path folder) throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");
        var config = AppConfig.load(ConfigSource.of(Map.of(
                "DATABASE_URL", "jdbc:sqlite:" + notAFolder.resolve("conduit.db"), "PORT", "0", "BCRYPT_COST", "4")));

        assertThatThrownBy(() -> Conduit.start(config))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("cannot open the database");
    }
}
