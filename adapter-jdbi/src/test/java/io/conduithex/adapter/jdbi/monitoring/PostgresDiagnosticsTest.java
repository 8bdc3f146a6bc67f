package io.conduithex.adapter.jdbi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Session queries shown to operators never carry a password literal, and stay short. */
class PostgresDiagnosticsTest {

    @Test
    void aPasswordLiteralInASessionsQueryIsMasked() {
        assertThat(PostgresDiagnostics.safeQuery("ALTER ROLE app WITH LOGIN PASSWORD 's3cr''et' VALID UNTIL 'x'"))
                .isEqualTo("ALTER ROLE app WITH LOGIN PASSWORD **** VALID UNTIL 'x'")
                .doesNotContain("s3cr");
        assertThat(PostgresDiagnostics.safeQuery("create user bob password 'hunter2'")).doesNotContain("hunter2");
        assertThat(PostgresDiagnostics.safeQuery("SET password = hunter2")).doesNotContain("hunter2");
    }

    @Test
    void aQueryWithoutAPasswordIsShownAsItIs() {
        assertThat(PostgresDiagnostics.safeQuery("UPDATE users SET bio = $1 WHERE id = $2"))
                .isEqualTo("UPDATE users SET bio = $1 WHERE id = $2");
    }

    @Test
    void aLongQueryIsCut() {
        assertThat(PostgresDiagnostics.safeQuery("SELECT " + "x, ".repeat(500)))
                .hasSize(PostgresDiagnostics.QUERY_CHARS + 3).endsWith("...");
    }
}
