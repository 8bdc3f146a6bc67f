package io.conduithex.adapter.jdbi.monitoring;

import io.conduithex.adapter.jdbi.migration.Migrations;
import io.conduithex.domain.port.persistence.DatabaseDiagnostics;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The report both dialects give: their own sections, read on one borrowed connection, then the migration state,
 * read after that connection is back because Flyway draws its own (a command's pool holds one). A failing
 * section is reported in its place and the others still are (see {@link Sections}).
 */
abstract class SectionedDiagnostics implements DatabaseDiagnostics {
    private final String dialect;
    private final Jdbi jdbi;
    private final Supplier<Migrations> migrations;

    SectionedDiagnostics(String dialect, Jdbi jdbi, Supplier<Migrations> migrations) {
        this.dialect = dialect;
        this.jdbi = jdbi;
        this.migrations = migrations;
    }

    @Override
    public final Report run() {
        var sections = new Sections();
        jdbi.useHandle(handle -> addSections(sections, handle));
        sections.add("migrations", () -> migrations.get().state().asMap());
        return new Report(dialect, sections.all());
    }

    /** The server's own statistics, read on one borrowed connection; a failing section says so in its place. */
    @Override
    public final Report serverStatistics() {
        var sections = new Sections();
        jdbi.useHandle(handle -> addServerStatistics(sections, handle));
        return new Report(dialect, sections.all());
    }

    /** Adds this dialect's server statistics, each section saying over which window it was taken. */
    abstract void addServerStatistics(Sections sections, Handle handle);

    /** {@code read} on a connection of the pool's, given back after. */
    final <R> R withHandle(org.jdbi.v3.core.HandleCallback<R, RuntimeException> read) {
        return jdbi.withHandle(read);
    }

    /** Adds this dialect's sections, in the order they are reported, each read on {@code handle}. */
    abstract void addSections(Sections sections, Handle handle);
}
