package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.http.AdminCalls.Endpoint;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.conduithex.testsupport.kit.CapturedLogs;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Without ADMIN_TOKEN the admin surface does not exist: 404 everywhere, whatever the request carries. */
@ExtendWith(CapturedLogs.class)
class AdminDisabledTest {

    @RegisterExtension
    final SqliteApplicationExtension app = TestApplication.onFreshSqlite();

    AdminCalls admin;

    @BeforeEach
    void connect() {
        admin = new AdminCalls(new ConduitApi(app.baseUri()));
    }

    static Stream<Endpoint> endpoints() {
        return AdminCalls.DATABASE_ENDPOINTS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void eachDatabaseEndpointAnswers404WithOrWithoutAToken(Endpoint endpoint) {
        for (String header : new String[] {null, "Bearer " + AdminCalls.TOKEN, "Bearer anything"}) {
            Reply reply = admin.call(endpoint, header);

            assertThat(reply.status()).as("%s with %s", endpoint, header).isEqualTo(404);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(reply.header("WWW-Authenticate")).isNull();
            assertThat(reply.body()).isEqualTo(reply.errorBody("{\"route\":[\"not found\"]}"));
        }
    }

    @Test
    void theDashboardAndItsAssetsAnswer404() {
        for (String path : new String[] {"/admin", "/admin/assets/chart.umd.js", "/admin/assets/dashboard.js"}) {
            Reply reply = admin.get(path);

            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(reply.body()).as(path).isEqualTo(reply.errorBody("{\"route\":[\"not found\"]}"));
        }
    }
}
