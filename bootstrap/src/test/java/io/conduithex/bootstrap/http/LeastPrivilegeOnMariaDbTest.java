package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.cli.CommandLineRun;
import io.conduithex.testsupport.mariadb.MariaDbServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Least privilege on MariaDB, as the README's recipe has it: a superuser gives the migration user its database and
 * the right to create users, once; {@code setup}, run as the migration user, creates the database, the application
 * user and its row privileges.
 */
class LeastPrivilegeOnMariaDbTest extends LeastPrivilegeScenario {
    @RegisterExtension
    final CommandLineRun cli = new CommandLineRun();

    LeastPrivilegeOnMariaDbTest() {
        super(MariaDbServer.shared());
    }

    @Override
    String followTheRecipe() throws SQLException {
        server.createLogin(owner, PASSWORD);
        try (Connection admin = server.connectAsAdmin(); var statement = admin.createStatement()) {
            // In a database-level GRANT, _ matches any character: escaped, it names this database alone.
            statement.execute("GRANT ALL PRIVILEGES ON `" + database.replace("_", "\\_") + "`.* TO '" + owner
                    + "'@'%' WITH GRANT OPTION");
            statement.execute("GRANT CREATE USER ON *.* TO '" + owner + "'@'%'");
        }
        String url = server.urlFor(database);
        cli.configure("DATABASE_URL", url)
                .configure("DATABASE_MIGRATION_USER", owner)
                .configure("DATABASE_MIGRATION_PASSWORD", PASSWORD)
                .configure("DATABASE_USER", app)
                .configure("DATABASE_PASSWORD", PASSWORD);
        assertThat(cli.run("setup")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Database \"" + database + "\": created",
                "Application user '" + app + "'@'%': created");
        return url;
    }

    @Override
    String sessionUsersQuery() {
        return "SELECT DISTINCT USER FROM information_schema.PROCESSLIST WHERE DB = ?";
    }

    /** Every trigger runs with its definer's rights, the owner's: the application user needs none for them. */
    @Override
    void assertTheMigrationsRanAsTheOwner(Connection asOwner) throws SQLException {
        List<String> definers = new ArrayList<>();
        try (var query = asOwner.prepareStatement(
                "SELECT DISTINCT DEFINER FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?")) {
            query.setString(1, database);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    definers.add(rows.getString(1));
                }
            }
        }
        assertThat(definers).as("the definers of the migrations' triggers").containsExactly(owner + "@%");
    }

    /** Error 1142 ER_TABLEACCESS_DENIED_ERROR: "CREATE command denied to user ...". */
    @Override
    void assertRefused(Statement asApp, String ddl) {
        assertRefused(asApp, ddl, e -> assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo(1142));
    }
}
