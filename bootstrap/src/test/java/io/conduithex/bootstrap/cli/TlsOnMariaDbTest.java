package io.conduithex.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.testsupport.mariadb.OwnedMariaDb;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TLS where DATABASE_URL asks for it, on a MariaDB server of the test's own that offers TLS with a self-signed
 * certificate: the URL's {@code sslMode} reaches Connector/J untouched, for setup's own connection, the migrations'
 * and the pool's, which doctor's TLS check reads its session's cipher on. The user logs in only over TLS
 * ({@code REQUIRE SSL}), so a connection without it cannot pass unnoticed.
 */
class TlsOnMariaDbTest {
    private static final String USER = "conduit_tls";
    private static final String PASSWORD = "tls-test-password";
    private static final String DATABASE = "conduit_tls";
    private static OwnedMariaDb server;

    @RegisterExtension
    final CommandLineRun cli = new CommandLineRun();

    @BeforeAll
    static void startAServerThatOffersTlsWithAUserThatRequiresIt() throws SQLException {
        server = OwnedMariaDb.launchWithTls();
        try (var admin = server.connect(""); var statement = admin.createStatement()) {
            statement.execute("CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "' REQUIRE SSL");
            statement.execute("GRANT ALL PRIVILEGES ON `conduit\\_tls`.* TO '" + USER + "'@'%'");
        }
    }

    @AfterAll
    static void stopTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withSslModeTrustSetupMigratesOverTlsAndDoctorFindsThePoolsConnectionEncrypted() {
        asTheUserThatRequiresTls("?sslMode=trust");

        assertThat(cli.run("setup")).as(cli.err()).isZero();
        assertThat(cli.run("doctor")).as(cli.out()).isZero();
        assertThat(cli.outLines()).contains("OK tls: in use");
    }

    @Test
    void withSslModeVerifyFullTheServersCertificateIsCheckedAgainstTheOneGiven() {
        asTheUserThatRequiresTls("?sslMode=verify-full&serverSslCert=" + server.certificate().certificate());
        assertThat(cli.run("setup")).as(cli.err()).isZero();

        assertThat(cli.run("doctor")).as(cli.out()).isZero();
        assertThat(cli.outLines()).contains("OK tls: in use");

        asTheUserThatRequiresTls("?sslMode=verify-full");
        cli.configure("DB_POOL_TIMEOUT_MS", "1000");
        assertThat(cli.run("doctor")).as("a self-signed certificate no trusted authority signed").isEqualTo(1);
        assertThat(cli.outLines()).singleElement().asString()
                .startsWith("FAIL connectivity: cannot reach MARIADB database: ")
                .containsIgnoringCase("self signed certificate");
    }

    @Test
    void withoutSslModeTheUserThatRequiresTlsIsRefused() {
        asTheUserThatRequiresTls("");
        cli.configure("DB_POOL_TIMEOUT_MS", "1000");

        assertThat(cli.run("doctor")).isEqualTo(1);
        assertThat(cli.outLines()).singleElement().asString()
                .startsWith("FAIL connectivity: cannot reach MARIADB database: ")
                .contains("Access denied for user '" + USER + "'")
                .doesNotContain(PASSWORD);
    }

    private void asTheUserThatRequiresTls(String options) {
        cli.configure("DATABASE_URL", server.url(DATABASE) + options)
                .configure("DATABASE_USER", USER)
                .configure("DATABASE_PASSWORD", PASSWORD);
    }
}
