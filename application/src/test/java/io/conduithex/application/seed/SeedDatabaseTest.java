package io.conduithex.application.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.application.fakes.FakePasswordHasher;
import io.conduithex.domain.port.security.PasswordHasher;
import io.conduithex.domain.seed.SeedArticle;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SeedDatabaseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final SeedPlan PLAN = new SeedPlan("alpha", 15, 30, 70, 7);

    private final InMemorySeedWriter writer = new InMemorySeedWriter();

    @Test
    void itWritesTheAskedNumbersAndHashesThePasswordOnceForAllUsers() {
        var hashes = new AtomicInteger();
        PasswordHasher counting = new PasswordHasher() {
            @Override
            public PasswordHash hash(Password password) {
                hashes.incrementAndGet();
                return new FakePasswordHasher().hash(password);
            }

            @Override
            public boolean matches(Password password, PasswordHash hash) {
                return false;
            }
        };

        var outcome = new SeedDatabase(writer, counting, CLOCK).seed(PLAN, SeedListener.SILENT);

        assertThat(outcome).isInstanceOfSatisfying(SeedOutcome.Seeded.class, seeded -> {
            assertThat(seeded.resumed()).isFalse();
            assertThat(seeded.password()).isEqualTo("seed-alpha-password");
            assertThat(seeded.written().users()).isEqualTo(15);
            assertThat(seeded.written().articles()).isEqualTo(30);
            assertThat(seeded.written().comments()).isEqualTo(70);
            assertThat(seeded.written().follows()).isEqualTo(writer.follows.size());
            assertThat(seeded.run().isFinished()).isTrue();
        });
        assertThat(hashes).hasValue(1);
        assertThat(writer.users).hasSize(15)
                .allSatisfy(user -> assertThat(user.passwordHash().value()).isEqualTo("hashed:seed-alpha-password"));
        assertThat(writer.articles).hasSize(30);
        assertThat(writer.comments()).isEqualTo(70);
    }

    @Test
    void aFinishedRunWritesNothingTheSecondTime() {
        var seeding = new SeedDatabase(writer, new FakePasswordHasher(), CLOCK);
        seeding.seed(PLAN, SeedListener.SILENT);
        int writesBefore = writer.writes;

        var again = seeding.seed(PLAN, SeedListener.SILENT);

        assertThat(again).isInstanceOf(SeedOutcome.AlreadySeeded.class);
        assertThat(writer.writes).isEqualTo(writesBefore);
        assertThat(writer.articles).hasSize(30);
    }

    @Test
    void anInterruptedRunResumesWithTheMissingBatchesOnlyAndEndsAsIfNeverInterrupted() {
        var seeding = new SeedDatabase(writer, new FakePasswordHasher(), CLOCK);
        writer.failArticleBatch(3);

        assertThatThrownBy(() -> seeding.seed(PLAN, SeedListener.SILENT)).hasMessage("the database went away");
        assertThat(writer.articles).hasSize(14);

        writer.failArticleBatch(-1);
        var outcome = seeding.seed(PLAN, SeedListener.SILENT);

        assertThat(outcome).isInstanceOfSatisfying(SeedOutcome.Seeded.class, seeded -> {
            assertThat(seeded.resumed()).isTrue();
            assertThat(seeded.written().users()).isZero();
            assertThat(seeded.written().articles()).isEqualTo(16);
        });
        var uninterrupted = new InMemorySeedWriter();
        new SeedDatabase(uninterrupted, new FakePasswordHasher(), CLOCK).seed(PLAN, SeedListener.SILENT);
        assertThat(writer.articles).isEqualTo(uninterrupted.articles);
        assertThat(writer.follows).isEqualTo(uninterrupted.follows);
        assertThat(writer.articles.stream().map(SeedArticle::slug).distinct()).hasSize(30);
        assertThat(writer.comments()).isEqualTo(70);
    }

    @Test
    void anUnfinishedRunStartedWithOtherSizesIsLeftAlone() {
        var seeding = new SeedDatabase(writer, new FakePasswordHasher(), CLOCK);
        writer.failArticleBatch(1);
        assertThatThrownBy(() -> seeding.seed(PLAN, SeedListener.SILENT)).isInstanceOf(IllegalStateException.class);
        int writesBefore = writer.writes;

        var outcome = seeding.seed(new SeedPlan("alpha", 15, 31, 70, 7), SeedListener.SILENT);

        assertThat(outcome).isInstanceOfSatisfying(SeedOutcome.DifferentSizes.class,
                different -> assertThat(different.run().articles()).isEqualTo(30));
        assertThat(writer.writes).isEqualTo(writesBefore);
    }
}
