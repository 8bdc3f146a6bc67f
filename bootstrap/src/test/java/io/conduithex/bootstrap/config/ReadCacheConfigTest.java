package io.conduithex.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadCacheConfigTest {
    private static final String PRIMARY = "jdbc:postgresql://db-primary:5432/conduit";
    private static final String REPLICA = "jdbc:postgresql://db-replica:5432/conduit";

    private static ReadCacheConfig load(Map<String, String> variables) {
        return AppConfig.load(ConfigSource.of(variables)).readCache();
    }

    @Test
    void onByDefaultWithASecondAndThirtyTwoMegabytes() {
        var cache = load(Map.of());

        assertThat(cache.enabled()).isTrue();
        assertThat(cache.maxStaleness()).isEqualTo(Duration.ofSeconds(1));
        assertThat(cache.maxBytes()).isEqualTo(33_554_432);
        assertThat(AppConfig.load(ConfigSource.of(Map.of())).describe())
                .contains("READ_CACHE=on, READ_CACHE_MAX_STALENESS_MS=1000, READ_CACHE_MAX_BYTES=33554432");
    }

    @Test
    void offOnAndTheBoundsAreRead() {
        assertThat(load(Map.of("READ_CACHE", "off")).enabled()).isFalse();
        assertThat(load(Map.of("READ_CACHE", " ON ")).enabled()).isTrue();
        var cache = load(Map.of("READ_CACHE_MAX_STALENESS_MS", "250", "READ_CACHE_MAX_BYTES", "1048576"));
        assertThat(cache.maxStaleness()).isEqualTo(Duration.ofMillis(250));
        assertThat(cache.maxBytes()).isEqualTo(1_048_576);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "READ_CACHE|yes|READ_CACHE must be on or off, was \"yes\"",
            "READ_CACHE|1|READ_CACHE must be on or off, was \"1\"",
            "READ_CACHE_MAX_STALENESS_MS|0|READ_CACHE_MAX_STALENESS_MS must be an integer between 1 and 3600000, was \"0\"",
            "READ_CACHE_MAX_STALENESS_MS|-5|READ_CACHE_MAX_STALENESS_MS must be an integer between 1 and 3600000, was \"-5\"",
            "READ_CACHE_MAX_STALENESS_MS|1s|READ_CACHE_MAX_STALENESS_MS must be an integer between 1 and 3600000, was \"1s\"",
            "READ_CACHE_MAX_BYTES|0|READ_CACHE_MAX_BYTES must be an integer between 1 and 2147483647, was \"0\"",
            "READ_CACHE_MAX_BYTES|32MB|READ_CACHE_MAX_BYTES must be an integer between 1 and 2147483647, was \"32MB\"",
            "READ_CACHE_MAX_BYTES|4294967296|READ_CACHE_MAX_BYTES must be an integer between 1 and 2147483647, was \"4294967296\""})
    void aBadValueStopsTheStartWithOneLineNamingIt(String variable, String value, String message) {
        assertThatThrownBy(() -> load(Map.of(variable, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(message);
    }

    @Test
    void withReplicasItIsOffUnlessAskedForWhichIsRefused() {
        var replicated = Map.of("DATABASE_URL", PRIMARY, "DATABASE_REPLICA_URLS", REPLICA);
        assertThat(load(replicated).enabled()).isFalse();

        var off = new java.util.HashMap<>(replicated);
        off.put("READ_CACHE", "off");
        assertThat(load(off).enabled()).isFalse();

        var on = new java.util.HashMap<>(replicated);
        on.put("READ_CACHE", "on");
        assertThatThrownBy(() -> load(on))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("READ_CACHE must be off when DATABASE_REPLICA_URLS is set");
    }
}
