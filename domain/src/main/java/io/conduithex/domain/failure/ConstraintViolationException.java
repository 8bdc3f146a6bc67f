package io.conduithex.domain.failure;

import java.util.Optional;

/**
 * The database refused a write because it breaks an integrity constraint. Constraint, table and column
 * are given when the driver or the adapter's catalogue of constraints names them.
 */
public final class ConstraintViolationException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    public enum Kind { UNIQUE, FOREIGN_KEY, NOT_NULL, CHECK, EXCLUSION }

    private final Kind kind;
    private final String constraint;
    private final String table;
    private final String column;

    public ConstraintViolationException(Kind kind, String constraint, String table, String column,
                                        String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.constraint = constraint;
        this.table = table;
        this.column = column;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<String> constraint() {
        return Optional.ofNullable(constraint);
    }

    public Optional<String> table() {
        return Optional.ofNullable(table);
    }

    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    public boolean isUniqueOn(String table, String column) {
        return kind == Kind.UNIQUE && table.equals(this.table) && column.equals(this.column);
    }
}
