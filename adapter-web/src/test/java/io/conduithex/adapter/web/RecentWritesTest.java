package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.user.UserId;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentWritesTest {
    private final AtomicLong now = new AtomicLong();
    private final RecentWrites recent = new RecentWrites(Duration.ofSeconds(5), now::get);

    @Test
    void aUsersNewestWriteIsRememberedForTheLagBound() {
        var jake = new UserId(1);
        recent.remember(jake, "77:1:0/10");
        recent.remember(jake, "77:1:0/20");

        now.set(Duration.ofSeconds(5).toNanos() - 1);
        assertThat(recent.latest(jake)).contains("77:1:0/20");
        now.set(Duration.ofSeconds(5).toNanos() + 1);
        assertThat(recent.latest(jake)).isEmpty();
    }

    @Test
    void eachUserHasTheirOwn() {
        recent.remember(new UserId(1), "77:1:0/10");

        assertThat(recent.latest(new UserId(2))).isEmpty();
    }
}
