package io.conduithex.adapter.jdbi.sql;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Times every SQL statement JDBI runs, by outcome. Recording never fails a statement.
 * Meter: {@value #STATEMENTS}, tag {@code outcome} = {@code ok} or {@code error}.
 */
public final class StatementMetrics implements SqlLogger {
    public static final String STATEMENTS = "conduit.db.statements";

    private final Timer ok;
    private final Timer error;

    public StatementMetrics(MeterRegistry meters) {
        this.ok = timer(meters, "ok");
        this.error = timer(meters, "error");
    }

    private static Timer timer(MeterRegistry meters, String outcome) {
        return Timer.builder(STATEMENTS)
                .description("SQL statements executed, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        record(ok, context);
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        record(error, context);
    }

    private static void record(Timer timer, StatementContext context) {
        try {
            timer.record(java.time.Duration.of(context.getElapsedTime(ChronoUnit.NANOS), ChronoUnit.NANOS));
        } catch (RuntimeException ignored) {
            // A metric must never fail the statement it measures.
        }
    }
}
