package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.config.ConfigSource;
import io.conduithex.bootstrap.logging.JsonLineLayout;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.kit.LogRecorder;
import io.conduithex.testsupport.postgres.PostgresServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Whatever the application logs from start to shutdown, at DEBUG for its own code, the pool and the migrations,
 * in text and in JSON, never contains a secret: the database password (given as a variable and inside the
 * JDBC URL), the JWT secret, the admin token, a user's password or a bearer token.
 */
class SecretsNeverLoggedTest {
    private static final String URL_PASSWORD = "url-secret-Zq81xT";
    private static final String DATABASE_PASSWORD = "variable-secret-Mv55pR";
    private static final String JWT_SECRET = "jwt-secret-that-must-never-be-logged-Hn27";
    private static final String ADMIN_TOKEN = "admin-token-that-must-never-be-logged-Kq93";
    private static final String USER_PASSWORD = "jakes-own-password-Wd40";
    private static final List<String> LOUD = List.of("io.conduithex", "com.zaxxer.hikari", "org.flywaydb");

    private LogRecorder captured;
    private final Map<String, Level> levelsBefore = new HashMap<>();

    @BeforeEach
    void captureEverythingAtDebug() {
        captured = LogRecorder.everything();
        for (String name : LOUD) {
            Logger logger = context().getLogger(name);
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }

    @AfterEach
    void restore() {
        levelsBefore.forEach((name, level) -> context().getLogger(name).setLevel(level));
        captured.close();
    }

    @Test
    void noSecretOrTokenAppearsInTheLogOfAWholeRun() {
        var server = PostgresServer.shared();
        // An external test server needs its real password; the embedded one trusts local connections.
        String databasePassword = server.password() != null ? server.password() : DATABASE_PASSWORD;
        String urlPassword = server.password() != null ? server.password() : URL_PASSWORD;
        String url = server.createDatabase();
        String urlWithPassword = url + (url.contains("?") ? "&" : "?") + "password=" + urlPassword;
        var config = AppConfig.load(ConfigSource.of(Map.of(
                AppConfig.DATABASE_URL, urlWithPassword,
                AppConfig.DATABASE_USER, server.user(),
                AppConfig.DATABASE_PASSWORD, databasePassword,
                AppConfig.JWT_SECRET, JWT_SECRET,
                AppConfig.ADMIN_TOKEN, ADMIN_TOKEN,
                AppConfig.PORT, "0",
                AppConfig.BCRYPT_COST, "4")));

        List<String> tokens = new ArrayList<>();
        try (var conduit = TestApplication.start(config)) {
            var api = new ConduitApi(java.net.URI.create("http://127.0.0.1:" + conduit.port()));
            var registered = api.register("jake", "jake@conduit.test", USER_PASSWORD);
            assertThat(registered.status()).isEqualTo(201);
            tokens.add(registered.at("/user/token"));
            var login = api.login("jake@conduit.test", USER_PASSWORD);
            assertThat(login.status()).isEqualTo(200);
            tokens.add(login.at("/user/token"));
            assertThat(api.currentUser(tokens.get(1)).status()).isEqualTo(200);
            assertThat(api.login("jake@conduit.test", USER_PASSWORD + "-wrong").status()).isEqualTo(401);
            assertThat(api.register("jake", "jake@conduit.test", USER_PASSWORD).status()).isEqualTo(422);
            String forged = tokens.get(1).substring(0, tokens.get(1).length() - 4) + "AAAA";
            tokens.add(forged);
            assertThat(api.currentUser(forged).status()).isEqualTo(401);
            assertThat(api.get("/admin/database/health", ADMIN_TOKEN).status()).isIn(200, 401, 403, 404);
            assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
            assertThat(api.get("/metrics", null).status()).isEqualTo(200);
        } finally {
            server.dropDatabase(url);
        }

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("database password (variable)", databasePassword);
        secrets.put("database password (URL)", urlPassword);
        secrets.put("JWT secret", JWT_SECRET);
        secrets.put("admin token", ADMIN_TOKEN);
        secrets.put("user password", USER_PASSWORD);
        for (int i = 0; i < tokens.size(); i++) {
            secrets.put("bearer token " + (i + 1), tokens.get(i));
        }
        List<String> log = renderedLog();
        assertThat(log).as("the captured log").hasSizeGreaterThan(10);
        secrets.forEach((what, secret) -> assertThat(log).as(what)
                .noneSatisfy(line -> assertThat(line).contains(secret)));
    }

    /** Every captured event as the text and the JSON formats would write it, with its context and stack trace. */
    private List<String> renderedLog() {
        var json = new JsonLineLayout();
        json.setContext(context());
        json.start();
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.events()) {
            String trace = event.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy());
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + " "
                    + event.getMDCPropertyMap() + " " + trace);
            lines.add(json.doLayout(event));
        }
        return lines;
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
