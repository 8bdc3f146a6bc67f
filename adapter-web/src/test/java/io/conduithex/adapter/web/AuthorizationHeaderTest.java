package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    @Test
    void anAbsentOrBlankHeaderIsNoHeader() {
        for (String value : new String[] {null, "", " ", "\t \t"}) {
            assertThat(AuthorizationHeader.parse(value)).as("[%s]", value).isEmpty();
        }
    }

    @Test
    void theSchemeAndTheCredentialsAreSplitAtTheFirstRunOfWhitespace() {
        for (String value : new String[] {"Token abc.def", "Token   abc.def", "Token\tabc.def", " Token abc.def ",
                "Token \t abc.def\t"}) {
            assertThat(AuthorizationHeader.parse(value)).as("[%s]", value)
                    .contains(new AuthorizationHeader("Token", "abc.def"));
        }
    }

    @Test
    void whitespaceInsideTheCredentialsIsKept() {
        assertThat(AuthorizationHeader.parse("Bearer abc def")).contains(new AuthorizationHeader("Bearer", "abc def"));
        assertThat(AuthorizationHeader.parse("Token Token abc"))
                .contains(new AuthorizationHeader("Token", "Token abc"));
    }

    @Test
    void aSingleWordIsASchemeWithoutCredentials() {
        assertThat(AuthorizationHeader.parse("Bearer")).contains(new AuthorizationHeader("Bearer", ""));
        assertThat(AuthorizationHeader.parse("Bearer   ")).contains(new AuthorizationHeader("Bearer", ""));
        assertThat(AuthorizationHeader.parse("abc.def.ghi")).contains(new AuthorizationHeader("abc.def.ghi", ""));
    }

    @Test
    void credentialsAreGivenOnlyUnderAnAcceptedSchemeWhateverItsCase() {
        for (String scheme : new String[] {"Bearer", "bearer", "BEARER", "bEaReR"}) {
            assertThat(AuthorizationHeader.parse(scheme + " abc").orElseThrow().credentialsUnder("Token", "Bearer"))
                    .as(scheme).contains("abc");
        }
        assertThat(AuthorizationHeader.parse("Token abc").orElseThrow().credentialsUnder("Bearer")).isEmpty();
        assertThat(AuthorizationHeader.parse("Basic abc").orElseThrow().credentialsUnder("Token", "Bearer")).isEmpty();
    }

    @Test
    void aSchemeWithoutCredentialsGivesNone() {
        assertThat(AuthorizationHeader.parse("Bearer").orElseThrow().credentialsUnder("Bearer")).isEmpty();
    }

    @Test
    void theCredentialsNeverShowInItsDescription() {
        assertThat(AuthorizationHeader.parse("Bearer s3cret").orElseThrow().toString()).doesNotContain("s3cret");
    }
}
