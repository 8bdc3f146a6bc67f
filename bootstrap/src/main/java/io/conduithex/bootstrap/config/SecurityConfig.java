package io.conduithex.bootstrap.config;

import static io.conduithex.bootstrap.config.Setting.ADMIN_TOKEN;
import static io.conduithex.bootstrap.config.Setting.BCRYPT_COST;
import static io.conduithex.bootstrap.config.Setting.JWT_SECRET;
import static io.conduithex.bootstrap.config.Setting.JWT_TTL;

import io.conduithex.adapter.web.TokenService;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys and costs that protect users and operators: the token key (generated per start when not given), the
 * tokens' lifetime, the password hashing cost, the admin bearer token (none: the admin surface is off) and the
 * limits on logins.
 */
public record SecurityConfig(Secret jwtSecret, boolean jwtSecretGenerated, Duration jwtTtl, int bcryptCost,
                             Optional<Secret> adminToken, LoginLimits logins) {
    public static final int MIN_ADMIN_TOKEN_BYTES = 32;
    private static final Duration MIN_JWT_TTL = Duration.ofMinutes(1);
    private static final Duration MAX_JWT_TTL = Duration.ofDays(365);
    private static final int GENERATED_SECRET_BYTES = 64;

    public SecurityConfig {
        Objects.requireNonNull(jwtSecret, "jwtSecret");
        Objects.requireNonNull(jwtTtl, "jwtTtl");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(logins, "logins");
    }

    static SecurityConfig read(ConfigReader read) {
        Optional<Secret> given = read.secret(JWT_SECRET, TokenService.MIN_SECRET_BYTES);
        return new SecurityConfig(given.orElseGet(() -> Secret.random(GENERATED_SECRET_BYTES)), given.isEmpty(),
                read.duration(JWT_TTL, MIN_JWT_TTL, MAX_JWT_TTL), read.integer(BCRYPT_COST),
                read.secret(ADMIN_TOKEN, MIN_ADMIN_TOKEN_BYTES), LoginLimits.read(read));
    }

    /** The effective values, secrets masked. */
    void describe(Map<Setting, Object> into) {
        into.put(JWT_SECRET, jwtSecretGenerated ? "<generated>" : "****");
        into.put(JWT_TTL, ConfigReader.shown(jwtTtl));
        into.put(BCRYPT_COST, bcryptCost);
        into.put(ADMIN_TOKEN, adminToken.isPresent() ? "****" : "<none: admin off>");
        logins.describe(into);
    }
}
