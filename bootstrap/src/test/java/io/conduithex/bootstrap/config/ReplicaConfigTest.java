package io.conduithex.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaConfigTest {
    private static final String PRIMARY = "jdbc:postgresql://db-primary:5432/conduit";
    private static final String SECRET = "a-consistency-secret-that-is-long-enough";

    @Test
    void withoutReplicasNothingIsReplicatedAndTheSecretIsGenerated() {
        var replicas = AppConfig.load(ConfigSource.of(Map.of())).replicas();

        assertThat(replicas.settings().any()).isFalse();
        assertThat(replicas.secretGenerated()).isTrue();
        assertThat(replicas.consistencySecret().length()).isEqualTo(ReplicaConfig.MIN_SECRET_BYTES);
        assertThat(replicas.settings().consistencyWait()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void replicaUrlsAreAListWithBlanksIgnored() {
        var replicas = AppConfig.load(ConfigSource.of(Map.of("DATABASE_URL", PRIMARY,
                "DATABASE_REPLICA_URLS", " jdbc:postgresql://r1:5432/conduit, ,jdbc:postgresql://r2:5432/conduit ",
                "DB_REPLICA_MAX_LAG_MS", "2000", "DB_REPLICA_MAX_LAG_BYTES", "1048576",
                "READ_CONSISTENCY_WAIT_MS", "0"))).replicas().settings();

        assertThat(replicas.urls()).containsExactly("jdbc:postgresql://r1:5432/conduit",
                "jdbc:postgresql://r2:5432/conduit");
        assertThat(replicas.maxLag()).isEqualTo(Duration.ofSeconds(2));
        assertThat(replicas.maxLagBytes()).isEqualTo(1_048_576);
        assertThat(replicas.consistencyWait()).isZero();
    }

    @Test
    void sqliteHasNoReplicas() {
        assertThatThrownBy(() -> AppConfig.load(ConfigSource.of(Map.of(
                "DATABASE_REPLICA_URLS", "jdbc:postgresql://r1:5432/conduit"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL; sqlite has no replicas");
    }

    @Test
    void aReplicaUrlThatIsNotPostgresIsRefusedWithItsPasswordMasked() {
        assertThatThrownBy(() -> AppConfig.load(ConfigSource.of(Map.of("DATABASE_URL", PRIMARY,
                "DATABASE_REPLICA_URLS", "jdbc:mysql://r1/conduit?password=hunter2"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("DATABASE_REPLICA_URLS must be comma-separated jdbc:postgresql: URLs")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void severalInstancesWithReplicasMustShareASecret() {
        assertThatThrownBy(() -> AppConfig.load(ConfigSource.of(Map.of("DATABASE_URL", PRIMARY,
                "DATABASE_REPLICA_URLS", "jdbc:postgresql://r1:5432/conduit", "INSTANCES", "2"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("CONSISTENCY_SECRET must be set (the same on every instance) when DATABASE_REPLICA_URLS"
                        + " is set and INSTANCES is 2");

        var replicas = AppConfig.load(ConfigSource.of(Map.of("DATABASE_URL", PRIMARY,
                "DATABASE_REPLICA_URLS", "jdbc:postgresql://r1:5432/conduit", "INSTANCES", "2",
                "CONSISTENCY_SECRET", SECRET))).replicas();
        assertThat(replicas.secretGenerated()).isFalse();
    }

    @Test
    void aShortSecretIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> AppConfig.load(ConfigSource.of(Map.of("CONSISTENCY_SECRET", "short-secret"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("CONSISTENCY_SECRET must be at least 32 bytes, was 12 bytes");
    }

    @Test
    void theSecretNeverReachesTheDescription() {
        var config = AppConfig.load(ConfigSource.of(Map.of("DATABASE_URL", PRIMARY,
                "DATABASE_REPLICA_URLS", "jdbc:postgresql://u:pw@r1:5432/conduit", "CONSISTENCY_SECRET", SECRET)));

        assertThat(config.describe()).contains("CONSISTENCY_SECRET=****", "DATABASE_REPLICA_URLS=jdbc:postgresql://u:****@r1")
                .doesNotContain(SECRET, ":pw@");
    }
}
