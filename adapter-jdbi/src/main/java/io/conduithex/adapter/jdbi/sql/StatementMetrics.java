package io.conduithex.adapter.jdbi.sql;

import io.conduithex.adapter.jdbi.monitoring.TimingRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Times every SQL statement JDBI runs, by outcome, and hands each duration to the {@link TimingRecorder}, which
 * reports the slow ones. Recording never fails a statement.
 * Meter: {@value #STATEMENTS}, tag {@code outcome} = {@code ok} or {@code error}.
 */
public final class StatementMetrics implements SqlLogger {
    public static final String STATEMENTS = "conduit.db.statements";

    private final Timer ok;
    private final Timer error;
    private final TimingRecorder timings;

    public StatementMetrics(MeterRegistry meters, TimingRecorder timings) {
        this.ok = timer(meters, "ok");
        this.error = timer(meters, "error");
        this.timings = timings;
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

    private void record(Timer timer, StatementContext context) {
        try {
            long nanos = context.getElapsedTime(ChronoUnit.NANOS);
            timer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            // The parsed SQL has '?' placeholders: the text never carries a bound value such as a password hash.
            var parsed = context.getParsedSql();
            timings.recordStatement(nanos, parsed == null ? context.getRenderedSql() : parsed.getSql());
        } catch (RuntimeException ignored) {
            // A metric must never fail the statement it measures.
        }
    }
}
