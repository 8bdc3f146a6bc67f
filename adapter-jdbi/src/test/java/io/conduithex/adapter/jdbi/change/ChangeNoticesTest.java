package io.conduithex.adapter.jdbi.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.article.Slug;
import io.conduithex.domain.port.persistence.CommittedChanges;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeNoticesTest {

    @Test
    void whatANoticeSaysIsReadBackWithItsSender() {
        var changes = CommittedChanges.builder().article(new Slug("how-to-train-your-dragon"))
                .commentsOn(new Slug("龍-2")).build();

        var notice = ChangeNotices.read(ChangeNotices.payload("a1b2c3d4", changes)).orElseThrow();

        assertThat(notice.sender()).isEqualTo("a1b2c3d4");
        assertThat(notice.changes()).isEqualTo(changes);
        assertThat(ChangeNotices.read(ChangeNotices.payload("x", CommittedChanges.EVERYTHING)))
                .contains(new ChangeNotices.Notice("x", CommittedChanges.EVERYTHING));
        assertThat(ChangeNotices.read(ChangeNotices.payload("x", CommittedChanges.builder().lists().build()))
                .orElseThrow().changes().lists()).isTrue();
    }

    @Test
    void changesTooManyForOneNoticeSayEverything() {
        var many = CommittedChanges.builder();
        for (int i = 0; i < 200; i++) {
            many.article(new Slug("an-article-with-a-rather-long-slug-number-" + i));
        }

        String payload = ChangeNotices.payload("sender", many.build());

        assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ChangeNotices.MAX_PAYLOAD_BYTES);
        assertThat(ChangeNotices.read(payload).orElseThrow().changes()).isEqualTo(CommittedChanges.EVERYTHING);
    }

    @Test
    void aNoticeThatCannotBeReadSaysEverythingAndOneWithoutASenderIsNotOurs() {
        assertThat(ChangeNotices.read("v2 newer L q:something").orElseThrow().changes())
                .isEqualTo(CommittedChanges.EVERYTHING);
        assertThat(ChangeNotices.read("v1 sender a:Not_A_Slug").orElseThrow().changes())
                .isEqualTo(CommittedChanges.EVERYTHING);
        assertThat(ChangeNotices.read("v1 sender z:what").orElseThrow().changes())
                .isEqualTo(CommittedChanges.EVERYTHING);
        assertThat(ChangeNotices.read("")).isEqualTo(Optional.empty());
        assertThat(ChangeNotices.read("hello")).isEqualTo(Optional.empty());
    }
}
