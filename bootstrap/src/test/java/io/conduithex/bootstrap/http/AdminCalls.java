package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.http.ConduitApi.Reply;
import java.net.http.HttpRequest;
import java.util.List;

/** Calls to the admin surface, with whatever Authorization header a test wants to try. */
final class AdminCalls {
    /** At least 32 bytes, as AppConfig requires. */
    static final String TOKEN = "admin-token-for-the-http-tests-0123456789";

    /** Each admin database endpoint: its method and path. */
    record Endpoint(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final Endpoint HEALTH = new Endpoint("GET", "/admin/database/health");
    static final Endpoint CONNECTION_POOL = new Endpoint("GET", "/admin/database/connection-pool");
    static final Endpoint DEADLOCKS = new Endpoint("GET", "/admin/database/deadlocks");
    static final Endpoint DIAGNOSTICS = new Endpoint("POST", "/admin/database/diagnostics");
    static final Endpoint METRICS = new Endpoint("GET", "/admin/database/metrics");
    static final Endpoint READ_CACHE = new Endpoint("GET", "/admin/read-cache");
    static final Endpoint AUDIT = new Endpoint("GET", "/admin/audit");
    /** Every JSON endpoint: the database's, the read cache's and the audit trail's. */
    static final List<Endpoint> DATABASE_ENDPOINTS = List.of(HEALTH, CONNECTION_POOL, DEADLOCKS, DIAGNOSTICS,
            METRICS, READ_CACHE, AUDIT);

    private final ConduitApi api;

    AdminCalls(ConduitApi api) {
        this.api = api;
    }

    Reply call(Endpoint endpoint) {
        return call(endpoint, "Bearer " + TOKEN);
    }

    /** {@code authorization} is the whole header value, or null for no header at all. */
    Reply call(Endpoint endpoint, String authorization) {
        HttpRequest.Builder request = api.request(endpoint.path(), null)
                .method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return api.send(request);
    }

    Reply get(String path) {
        return api.send(api.request(path, null).GET());
    }
}
