package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.adapter.web.AdminAuthorization.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdminAuthorizationTest {
    private static final String TOKEN = "an-admin-token-of-at-least-32-bytes-ü";
    private final AdminAuthorization authorization =
            new AdminAuthorization(TOKEN.getBytes(StandardCharsets.UTF_8));

    @Test
    void theTokenAsABearerIsGrantedWhateverTheSchemesCase() {
        assertThat(authorization.check("Bearer " + TOKEN)).isEqualTo(Verdict.GRANTED);
        assertThat(authorization.check("bearer " + TOKEN)).isEqualTo(Verdict.GRANTED);
        assertThat(authorization.check("Bearer  " + TOKEN + " ")).isEqualTo(Verdict.GRANTED);
    }

    @Test
    void theTokenIsReadFromTheHeaderAsApiTokensAreWhateverTheWhitespace() {
        for (String header : new String[] {"Bearer\t" + TOKEN, " Bearer " + TOKEN, "BEARER \t " + TOKEN + "\t"}) {
            assertThat(authorization.check(header)).as(header).isEqualTo(Verdict.GRANTED);
            assertThat(Authenticator.tokenIn(header)).as(header).contains(TOKEN);
        }
    }

    @Test
    void noBearerTokenIsMissing() {
        for (String header : new String[] {null, "", "Bearer", "Bearer ", "Bearer    ", "Token " + TOKEN,
                "Basic " + TOKEN, TOKEN}) {
            assertThat(authorization.check(header)).as(header).isEqualTo(Verdict.MISSING);
        }
    }

    @Test
    void anyOtherTokenIsWrongIncludingPrefixesAndExtensionsOfTheRealOne() {
        for (String token : new String[] {"x", TOKEN.substring(0, TOKEN.length() - 1), TOKEN + "x",
                TOKEN.replace('ü', 'u')}) {
            assertThat(authorization.check("Bearer " + token)).as(token).isEqualTo(Verdict.WRONG);
        }
    }
}
