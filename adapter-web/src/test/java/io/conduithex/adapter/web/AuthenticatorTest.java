package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    @Test
    void theTokenSchemeAndTheBearerSchemeAreBothAccepted() {
        assertThat(Authenticator.tokenIn("Token abc.def.ghi")).contains("abc.def.ghi");
        assertThat(Authenticator.tokenIn("Bearer abc.def.ghi")).contains("abc.def.ghi");
        assertThat(Authenticator.tokenIn("token   abc.def.ghi ")).contains("abc.def.ghi");
    }

    @Test
    void noHeaderMeansNoToken() {
        assertThat(Authenticator.tokenIn(null)).isEmpty();
        assertThat(Authenticator.tokenIn("  ")).isEmpty();
    }

    @Test
    void aHeaderOfAnotherShapeIsMalformed() {
        for (String header : new String[] {"abc.def.ghi", "Basic amFrZTpqYWtl", "Token"}) {
            assertThatThrownBy(() -> Authenticator.tokenIn(header))
                    .as(header)
                    .isInstanceOfSatisfying(TokenRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.MALFORMED));
        }
    }
}
