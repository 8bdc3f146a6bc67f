package io.conduithex.testsupport;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Set as a handle's SQL logger, keeps the database's plan of every statement the handle runs, taken just before
 * it runs. How a statement is explained is each database's own ({@link Explainer}).
 */
public final class PlanRecorder implements SqlLogger {

    /** The plan one database gives for a statement about to run, as text. */
    @FunctionalInterface
    public interface Explainer {
        String explain(StatementContext statement) throws SQLException;
    }

    /** A statement as the code under test issued it, and the database's plan for it. */
    public record Plan(String sql, String text) {
    }

    private final Explainer explainer;
    private final List<Plan> plans = new ArrayList<>();

    public PlanRecorder(Explainer explainer) {
        this.explainer = explainer;
    }

    @Override
    public void logBeforeExecution(StatementContext context) {
        try {
            plans.add(new Plan(context.getRenderedSql(), explainer.explain(context)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not explain " + context.getRenderedSql(), e);
        }
    }

    /** The plans so far, in the order the statements ran. */
    public List<Plan> plans() {
        return List.copyOf(plans);
    }
}
