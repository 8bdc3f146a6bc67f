package io.conduithex.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.Pooler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AppConfigTest {
    private static final String SECRET = "a-jwt-secret-that-is-long-enough-1234";
    private static final String ADMIN_TOKEN = "an-admin-token-that-is-long-enough-5678";

    @Test
    void withNothingSetEveryValueIsItsDefault() {
        var config = AppConfig.load(ConfigSource.of(Map.of()));

        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:./data/conduit.db");
        assertThat(config.database().user()).isNull();
        assertThat(config.database().password()).isNull();
        assertThat(config.database().poolSize()).isEqualTo(10);
        assertThat(config.database().poolTimeout()).isEqualTo(Duration.ofMillis(5000));
        assertThat(config.database().maxLifetime()).isEqualTo(Duration.ofMillis(1_800_000));
        assertThat(config.database().statementTimeout()).isEqualTo(Duration.ofMillis(10_000));
        assertThat(config.web().port()).isEqualTo(8080);
        assertThat(config.security().jwtSecretGenerated()).isTrue();
        assertThat(config.security().jwtSecret().length()).isGreaterThanOrEqualTo(32);
        assertThat(config.security().jwtTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(config.operations().maxRetries()).isEqualTo(3);
        assertThat(config.security().bcryptCost()).isEqualTo(10);
        assertThat(config.web().corsAllowedOrigins()).containsExactly("*");
        assertThat(config.database().longTransaction()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.database().leakDetection()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.database().slowStatement()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.database().migrationUser()).isNull();
        assertThat(config.operations().startupTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.security().adminToken()).isEmpty();
        assertThat(config.operations().logFormat()).isEqualTo(AppConfig.LogFormat.TEXT);
        assertThat(config.operations().instances()).isEqualTo(1);
        assertThat(config.operations().tagsMaxAge()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.webSettings().httpThreads())
                .isEqualTo(4 * Runtime.getRuntime().availableProcessors() + 4);
    }

    @Test
    void everyVariableIsRead() {
        var config = AppConfig.load(ConfigSource.of(Map.ofEntries(
                Map.entry("DATABASE_URL", "jdbc:postgresql://db:5432/conduit"),
                Map.entry("DATABASE_USER", "conduit"),
                Map.entry("DATABASE_PASSWORD", "s3cret"),
                Map.entry("DATABASE_MIGRATION_USER", "owner"),
                Map.entry("DATABASE_MIGRATION_PASSWORD", "owner-s3cret"),
                Map.entry("PORT", "9090"),
                Map.entry("JWT_SECRET", SECRET),
                Map.entry("JWT_TTL", "PT12H"),
                Map.entry("DB_POOL_SIZE", "20"),
                Map.entry("DB_POOL_TIMEOUT_MS", "1000"),
                Map.entry("DB_MAX_LIFETIME_MS", "60000"),
                Map.entry("DB_STATEMENT_TIMEOUT_MS", "2500"),
                Map.entry("DB_LONG_TRANSACTION_MS", "750"),
                Map.entry("DB_LEAK_DETECTION_MS", "0"),
                Map.entry("DB_STARTUP_TIMEOUT_MS", "4000"),
                Map.entry("DB_SLOW_QUERY_MS", "250"),
                Map.entry("DB_MAX_RETRIES", "0"),
                Map.entry("ADMIN_TOKEN", ADMIN_TOKEN),
                Map.entry("LOG_FORMAT", "json"),
                Map.entry("INSTANCES", "3"),
                Map.entry("TAGS_MAX_AGE_MS", "0"),
                Map.entry("HTTP_THREADS", "40"),
                Map.entry("BCRYPT_COST", "4"),
                Map.entry("CORS_ALLOWED_ORIGINS", "https://app.example.com, http://localhost:3000"))));

        assertThat(config.database()).isEqualTo(new DatabaseSettings("jdbc:postgresql://db:5432/conduit", "conduit",
                "s3cret", 20, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMillis(2500), "conduit",
                Duration.ofMillis(750), Duration.ZERO, Duration.ofMillis(250), "owner", "owner-s3cret", Pooler.NONE));
        assertThat(config.security().adminToken()).contains(new Secret(ADMIN_TOKEN.getBytes(StandardCharsets.UTF_8)));
        assertThat(config.operations().logFormat()).isEqualTo(AppConfig.LogFormat.JSON);
        assertThat(config.operations().instances()).isEqualTo(3);
        assertThat(config.operations().tagsMaxAge()).isZero();
        assertThat(config.webSettings().httpThreads()).isEqualTo(40);
        assertThat(config.operations().startupTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.web().port()).isEqualTo(9090);
        assertThat(config.security().jwtSecretGenerated()).isFalse();
        assertThat(config.security().jwtSecret().bytes()).isEqualTo(SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(config.security().jwtTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(config.operations().retrySettings().maxRetries()).isZero();
        assertThat(config.security().bcryptCost()).isEqualTo(4);
        assertThat(config.webSettings().allowedOrigins())
                .containsExactly("https://app.example.com", "http://localhost:3000");
    }

    @Test
    void aBlankValueCountsAsNotSet() {
        var config = AppConfig.load(ConfigSource.of(Map.of("PORT", " ", "JWT_SECRET", "")));

        assertThat(config.web().port()).isEqualTo(8080);
        assertThat(config.security().jwtSecretGenerated()).isTrue();
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("PORT", "abc", "PORT must be an integer between 0 and 65535, was \"abc\""),
                Arguments.of("PORT", "70000", "PORT must be an integer between 0 and 65535, was \"70000\""),
                Arguments.of("DATABASE_URL", "jdbc:mysql://db/conduit?password=hunter2",
                        "DATABASE_URL must be a JDBC URL starting with jdbc:sqlite:, jdbc:postgresql: or jdbc:mariadb:, "
                                + "was \"jdbc:mysql://db/conduit?password=****\""),
                Arguments.of("JWT_SECRET", "too-short", "JWT_SECRET must be at least 32 bytes, was 9 bytes"),
                Arguments.of("JWT_TTL", "30 days", "JWT_TTL must be an ISO-8601 duration such as P30D or PT12H, "
                        + "from 1 minute to 365 days, was \"30 days\""),
                Arguments.of("JWT_TTL", "PT0S", "JWT_TTL must be an ISO-8601 duration such as P30D or PT12H, "
                        + "from 1 minute to 365 days, was \"PT0S\""),
                Arguments.of("DB_POOL_SIZE", "0", "DB_POOL_SIZE must be an integer between 1 and 1000, was \"0\""),
                Arguments.of("DB_POOL_TIMEOUT_MS", "100",
                        "DB_POOL_TIMEOUT_MS must be an integer between 250 and 600000, was \"100\""),
                Arguments.of("DB_MAX_LIFETIME_MS", "1000",
                        "DB_MAX_LIFETIME_MS must be an integer between 30000 and 86400000, was \"1000\""),
                Arguments.of("DB_STATEMENT_TIMEOUT_MS", "-5",
                        "DB_STATEMENT_TIMEOUT_MS must be an integer between 1 and 3600000, was \"-5\""),
                Arguments.of("DB_LONG_TRANSACTION_MS", "0",
                        "DB_LONG_TRANSACTION_MS must be an integer between 1 and 3600000, was \"0\""),
                Arguments.of("DB_LEAK_DETECTION_MS", "500", "DB_LEAK_DETECTION_MS must be 0 (off) or between 2000 and"
                        + " DB_MAX_LIFETIME_MS (1800000), was \"500\""),
                Arguments.of("DB_STARTUP_TIMEOUT_MS", "-1",
                        "DB_STARTUP_TIMEOUT_MS must be an integer between 0 and 3600000, was \"-1\""),
                Arguments.of("DB_SLOW_QUERY_MS", "0",
                        "DB_SLOW_QUERY_MS must be an integer between 1 and 3600000, was \"0\""),
                Arguments.of("ADMIN_TOKEN", "short", "ADMIN_TOKEN must be at least 32 bytes, was 5 bytes"),
                Arguments.of("LOG_FORMAT", "xml", "LOG_FORMAT must be text or json, was \"xml\""),
                Arguments.of("INSTANCES", "0", "INSTANCES must be an integer between 1 and 1000, was \"0\""),
                Arguments.of("TAGS_MAX_AGE_MS", "60001",
                        "TAGS_MAX_AGE_MS must be an integer between 0 and 60000, was \"60001\""),
                Arguments.of("HTTP_THREADS", "7", "HTTP_THREADS must be an integer between 8 and 1000, was \"7\""),
                Arguments.of("HTTP_THREADS", "1001",
                        "HTTP_THREADS must be an integer between 8 and 1000, was \"1001\""),
                Arguments.of("DATABASE_MIGRATION_PASSWORD", "x",
                        "DATABASE_MIGRATION_PASSWORD is set but DATABASE_MIGRATION_USER is not"),
                Arguments.of("DB_MAX_RETRIES", "many", "DB_MAX_RETRIES must be an integer between 0 and 20, was \"many\""),
                Arguments.of("BCRYPT_COST", "3", "BCRYPT_COST must be an integer between 4 and 31, was \"3\""),
                Arguments.of("BCRYPT_COST", "32", "BCRYPT_COST must be an integer between 4 and 31, was \"32\""),
                Arguments.of("CORS_ALLOWED_ORIGINS", "app.example.com", "CORS_ALLOWED_ORIGINS must be * or a "
                        + "comma-separated list of origins such as https://app.example.com, was \"app.example.com\""),
                Arguments.of("CORS_ALLOWED_ORIGINS", "*,https://a.example", "CORS_ALLOWED_ORIGINS must be * or a "
                        + "comma-separated list of origins such as https://app.example.com, was \"*,https://a.example\""));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void aBadValueIsRefusedWithOneLineNamingTheVariable(String variable, String value, String message) {
        assertThatThrownBy(() -> AppConfig.load(ConfigSource.of(Map.of(variable, value))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(message);
    }

    @Test
    void aValueWithLineBreaksIsEchoedOnOneLine() {
        assertThatThrownBy(() -> AppConfig.load(ConfigSource.of(Map.of("PORT", "80\n80"))))
                .hasMessage("PORT must be an integer between 0 and 65535, was \"80?80\"");
    }

    @Test
    void aRejectedSecretIsNeverEchoed() {
        assertThatThrownBy(() -> AppConfig.load(ConfigSource.of(Map.of("JWT_SECRET", "my-short-secret"))))
                .message().doesNotContain("my-short-secret");
    }

    @Test
    void theDescriptionMasksEverySecret() {
        var config = AppConfig.load(ConfigSource.of(Map.of(
                "DATABASE_URL", "jdbc:postgresql://conduit:pg-pass@db:5432/conduit?password=url-pass",
                "DATABASE_PASSWORD", "db-pass",
                "DATABASE_MIGRATION_USER", "owner",
                "DATABASE_MIGRATION_PASSWORD", "migration-pass",
                "ADMIN_TOKEN", ADMIN_TOKEN,
                "JWT_SECRET", SECRET)));

        String described = config.describe();

        assertThat(described).doesNotContain("pg-pass", "url-pass", "db-pass", "migration-pass", ADMIN_TOKEN, SECRET)
                .contains("DATABASE_PASSWORD=****", "DATABASE_MIGRATION_PASSWORD=****", "ADMIN_TOKEN=****",
                        "JWT_SECRET=****", "PORT=8080", "BCRYPT_COST=10");
        assertThat(config.toString())
                .doesNotContain("pg-pass", "url-pass", "db-pass", "migration-pass", ADMIN_TOKEN, SECRET);
        assertThat(described.lines()).hasSize(1);
    }

    @Test
    void aGeneratedSecretIsDescribedAsGenerated() {
        assertThat(AppConfig.load(ConfigSource.of(Map.of())).describe()).contains("JWT_SECRET=<generated>");
    }

    @Test
    void aSystemPropertyOverridesTheEnvironmentVariableOfTheSameName() {
        String name = "PATH";
        assertThat(System.getenv(name)).isNotNull();
        String before = System.getProperty(name);
        try {
            System.setProperty(name, "from-property");
            assertThat(ConfigSource.system().get(name)).isEqualTo("from-property");
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
            }
        }
        assertThat(ConfigSource.system().get(name)).isEqualTo(System.getenv(name));
    }

    @Test
    void theWebSettingsTakeThePortAndOrigins() {
        var config = AppConfig.load(ConfigSource.of(Map.of("PORT", "0", "CORS_ALLOWED_ORIGINS", "https://a.example")));

        assertThat(config.webSettings().port()).isZero();
        assertThat(config.webSettings().allowedOrigins()).isEqualTo(List.of("https://a.example"));
    }
}
