package io.conduithex.adapter.jdbi.replica;

import io.conduithex.application.health.HealthCheck;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The replicas, as readiness sees them: always up, since reads a replica cannot serve run on the primary, but
 * the detail says which replicas serve and why the others do not, for the operator reading {@code /health/ready}.
 */
record ReplicaHealth(List<Replica> replicas) implements HealthCheck {

    @Override
    public String name() {
        return "replicas";
    }

    @Override
    public Result check() {
        long serving = replicas.stream().filter(r -> r.status().serves()).count();
        String detail = serving + " of " + replicas.size() + " serving";
        if (serving == replicas.size()) {
            return Result.up(detail);
        }
        return Result.up("degraded: " + detail + "; " + replicas.stream().filter(r -> !r.status().serves())
                .map(r -> r.name() + " " + r.status().state().label()).collect(Collectors.joining(", ")));
    }
}
