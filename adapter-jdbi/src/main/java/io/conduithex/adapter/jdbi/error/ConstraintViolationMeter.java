package io.conduithex.adapter.jdbi.error;

import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.failure.PersistenceException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A classifier that counts the constraint violations the one it wraps finds, by kind and constraint. Every
 * SQL error of a unit of work is classified exactly once (a classified failure is never classified again), so
 * each violation is counted once. The constraint tag is a name from the schema's catalogue, or
 * {@code unknown}: what the driver reports for other constraints (composite keys on SQLite) would not be a
 * bounded set.
 */
public final class ConstraintViolationMeter implements SqlErrorClassifier {
    /** Counter, tags {@code kind} (unique, foreign_key, not_null, check, exclusion) and {@code constraint}. */
    public static final String CONSTRAINT_VIOLATIONS = "conduit.db.constraint_violations";
    static final String UNKNOWN = "unknown";

    private static final Logger log = LoggerFactory.getLogger(ConstraintViolationMeter.class);

    private final SqlErrorClassifier classifier;
    private final MeterRegistry meters;

    public ConstraintViolationMeter(SqlErrorClassifier classifier, MeterRegistry meters) {
        this.classifier = classifier;
        this.meters = meters;
    }

    @Override
    public PersistenceException classify(Throwable failure, Phase phase) {
        PersistenceException classified = classifier.classify(failure, phase);
        if (classified instanceof ConstraintViolationException violation) {
            count(violation);
        }
        return classified;
    }

    /** Recording a metric never changes what the caller sees. */
    private void count(ConstraintViolationException violation) {
        try {
            String constraint = violation.constraint()
                    .filter(name -> ConstraintCatalog.lookup(name).isPresent())
                    .orElse(UNKNOWN);
            Counter.builder(CONSTRAINT_VIOLATIONS)
                    .description("Writes the database refused for breaking an integrity constraint")
                    .tag("kind", violation.kind().name().toLowerCase(Locale.ROOT))
                    .tag("constraint", constraint)
                    .register(meters)
                    .increment();
        } catch (RuntimeException e) {
            log.warn("Could not count a constraint violation", e);
        }
    }
}
