package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsistencyTokensTest {
    private static final byte[] SECRET = "a-consistency-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private final ConsistencyTokens tokens = new ConsistencyTokens(SECRET);

    @Test
    void aSignedPositionVerifiesOnAnyInstanceWithTheSameSecret() {
        String token = tokens.sign("77:1:0/1D75140");

        assertThat(new ConsistencyTokens(SECRET).verify(token)).contains("77:1:0/1D75140");
    }

    @Test
    void anotherSecretsTokenIsIgnored() {
        String token = new ConsistencyTokens("another-secret-that-is-32-bytes!!".getBytes(StandardCharsets.UTF_8))
                .sign("77:1:0/1D75140");

        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void aTamperedPositionIsIgnored() {
        String token = tokens.sign("77:1:0/1D75140");
        String forgedPosition = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("77:1:FF/0".getBytes(StandardCharsets.UTF_8));

        assertThat(tokens.verify(forgedPosition + token.substring(token.indexOf('.')))).isEmpty();
    }

    @Test
    void garbageIsIgnored() {
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("no-dot")).isEmpty();
        assertThat(tokens.verify(".only-signature")).isEmpty();
        assertThat(tokens.verify("!!!.???")).isEmpty();
        assertThat(tokens.verify("a".repeat(500) + ".b")).isEmpty();
    }
}
