package io.conduithex.adapter.jdbi.health;

import io.conduithex.adapter.jdbi.values.PoolStatus;
import io.conduithex.application.health.HealthCheck;
import java.util.function.Supplier;

/**
 * Whether the connection pool can still lend: DOWN while every connection is lent out and threads queue for
 * one. It reads the pool's counters only, so it costs nothing and cannot hang.
 */
record PoolSaturation(Supplier<PoolStatus> status) implements HealthCheck {

    @Override
    public String name() {
        return "pool";
    }

    @Override
    public Result check() {
        PoolStatus now = status.get();
        String detail = "active " + now.active() + " of " + now.maximum() + ", idle " + now.idle() + ", waiting "
                + now.waiting();
        boolean exhausted = now.waiting() > 0 && now.active() >= now.maximum();
        return exhausted ? Result.down("exhausted: " + detail) : Result.up(detail);
    }
}
