package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ApiTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.testsupport.kit.CapturedLogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /api/tags answers from a snapshot (TAGS_MAX_AGE_MS): three instances share one SQLite database, as
 * instances behind a load balancer share one PostgreSQL. The instance that writes sees its write at once; one
 * whose snapshot is younger than its maximum age does not yet; one with the snapshot off sees it at once.
 */
@ExtendWith(CapturedLogs.class)
class TagsAcrossInstancesTest {
    @TempDir
    Path folder;

    private AppOnSqliteFile writer;
    private AppOnSqliteFile remembering;
    private AppOnSqliteFile reading;

    @BeforeEach
    void start() {
        writer = AppOnSqliteFile.start(folder, Map.of());
        remembering = AppOnSqliteFile.start(folder, Map.of(AppConfig.TAGS_MAX_AGE_MS, "60000"));
        reading = AppOnSqliteFile.start(folder, Map.of(AppConfig.TAGS_MAX_AGE_MS, "0"));
    }

    @AfterEach
    void stop() {
        for (var app : List.of(reading, remembering, writer)) {
            app.close();
        }
    }

    @Test
    void aWriteIsSeenAtOnceWhereItWasMadeAndWithinTheMaximumAgeElsewhere() {
        var onWriter = new ConduitApi(writer.baseUri());
        var onRemembering = new ConduitApi(remembering.baseUri());
        var onReading = new ConduitApi(reading.baseUri());
        var jake = onWriter.registered("jake");
        onWriter.givenAnArticleBy(jake, "Dragons", "dragons");
        for (var api : List.of(onWriter, onRemembering, onReading)) {
            assertThat(tags(api)).containsExactly("dragons");
        }

        String slug = onWriter.givenAnArticleBy(jake, "Training", "training");

        assertThat(tags(onWriter)).containsExactly("dragons", "training");
        assertThat(tags(onReading)).containsExactly("dragons", "training");
        assertThat(tags(onRemembering)).as("a snapshot younger than 60 s").containsExactly("dragons");

        onWriter.updateArticle(jake.token(), slug, "{\"tagList\":[\"wings\"]}");
        assertThat(tags(onWriter)).containsExactly("dragons", "wings");
        onWriter.deleteArticle(jake.token(), slug);
        assertThat(tags(onWriter)).containsExactly("dragons");
        assertThat(tags(onReading)).containsExactly("dragons");

        for (var api : List.of(onWriter, onRemembering, onReading)) {
            api.assertNoServerErrors();
        }
    }

    private static List<String> tags(ConduitApi api) {
        var reply = api.tags();
        assertThat(reply.status()).isEqualTo(200);
        return texts(reply.json().get("tags"));
    }
}
