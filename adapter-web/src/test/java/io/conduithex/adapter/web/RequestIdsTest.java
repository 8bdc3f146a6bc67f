package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aGeneratedIdIsARandomVersionFourUuid() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.generate();
            var uuid = UUID.fromString(id);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void aSaneIncomingIdIsReusedAndAnyOtherIsReplaced() {
        assertThat(RequestIds.reuseOrGenerate("trace-42")).isEqualTo("trace-42");
        assertThat(RequestIds.reuseOrGenerate("bad id\nforged: line")).isNotEqualTo("bad id\nforged: line")
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(RequestIds.reuseOrGenerate(null)).hasSize(36);
    }
}
