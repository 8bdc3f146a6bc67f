package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import io.conduithex.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final byte[] SECRET = "an-hs256-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final UserId JAKE = new UserId(42);

    private final TokenService tokens = new TokenService(SECRET, Duration.ofDays(30));

    @Test
    void aTokenItIssuedNamesTheUserItWasIssuedFor() {
        assertThat(tokens.verify(tokens.issue(JAKE))).isEqualTo(JAKE);
    }

    @Test
    void aTokenCarriesItsSubjectIssuedAtAndAnExpiryOneLifetimeLater() {
        var decoded = JWT.decode(tokens.issue(JAKE));

        assertThat(decoded.getSubject()).isEqualTo("42");
        assertThat(decoded.getAlgorithm()).isEqualTo("HS256");
        assertThat(Duration.between(decoded.getIssuedAtAsInstant(), decoded.getExpiresAtAsInstant()))
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void anExpiredTokenIsRejectedAsExpired() {
        var longAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(31)), ZoneOffset.UTC);
        String stale = new TokenService(SECRET, Duration.ofDays(30), longAgo).issue(JAKE);

        assertThatThrownBy(() -> tokens.verify(stale))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.EXPIRED));
    }

    @Test
    void aTokenWhosePayloadWasTamperedWithIsRejected() {
        String[] parts = tokens.issue(JAKE).split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"42\"", "\"1\"").getBytes(StandardCharsets.UTF_8));
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];

        assertRejectedAsInvalid(forged);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() {
        var other = new TokenService("another-secret-that-is-32-bytes-long!!".getBytes(StandardCharsets.UTF_8),
                Duration.ofDays(30));

        assertRejectedAsInvalid(other.issue(JAKE));
    }

    @Test
    void garbageIsRejected() {
        assertRejectedAsInvalid("not-a-jwt");
        assertRejectedAsInvalid("a.b.c");
        assertRejectedAsInvalid("");
    }

    @Test
    void anUnsignedTokenIsRejected() {
        String none = JWT.create().withSubject("42").withIssuer(TokenService.ISSUER)
                .withIssuedAt(Instant.now()).withExpiresAt(Instant.now().plusSeconds(60))
                .sign(com.auth0.jwt.algorithms.Algorithm.none());

        assertRejectedAsInvalid(none);
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new TokenService(new byte[31], Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void itsDescriptionDoesNotShowTheSecret() {
        assertThat(tokens.toString()).doesNotContain(new String(SECRET, StandardCharsets.UTF_8));
    }

    private void assertRejectedAsInvalid(String token) {
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.INVALID));
    }
}
