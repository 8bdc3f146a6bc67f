package io.conduithex.bootstrap.cli;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.adapter.jdbi.server.PoolBudget;
import io.conduithex.bootstrap.config.AppConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Checks what usually goes wrong between the application and its database, one line per check. */
@Command(name = "doctor", description = {"Check the database the way an operator would, one line per check,",
        "'OK|FAIL <check>: <detail>': connectivity (with latency), server version, TLS in use (PostgreSQL,",
        "MariaDB; a connection to a host other than this machine must be encrypted), pool budget (DB_POOL_SIZE x INSTANCES",
        "under 80%% of max_connections; one line per replica too), clock (database against this JVM), migrations (current, none pending or",
        "failed). When the database cannot be reached, the other checks are not tried.",
        "Exit codes: 0 all passed, 1 any failed, 2 bad configuration."})
final class DoctorCommand extends DatabaseCommand {
    private static final Pattern HOSTS = Pattern.compile("^jdbc:(?:postgresql|mariadb)://([^/?]*)", Pattern.CASE_INSENSITIVE);

    @Option(names = "--max-clock-skew-ms", paramLabel = "MS", defaultValue = "2000",
            description = "Largest difference between the database's clock and this machine's (${DEFAULT-VALUE}).")
    private long maxClockSkewMillis;

    private int failed;

    @Override
    int run(AppConfig config, PrintWriter out, PrintWriter err) {
        failed = 0;
        DatabaseSettings settings = config.database();
        try {
            requireExistingDatabase(settings);
        } catch (CommandFailure e) {
            report(out, false, "connectivity", e.getMessage());
            return finish(err);
        }
        try (var persistence = open(settings)) {
            var probe = persistence.probe();
            Duration latency;
            try {
                latency = probe.ping();
            } catch (RuntimeException e) {
                report(out, false, "connectivity", "cannot reach " + persistence.dialect() + " database: "
                        + describe(persistence.classifier().classify(e, Phase.ACQUIRE)));
                return finish(err);
            }
            report(out, true, "connectivity", "answered in " + latency.toMillis() + " ms");
            check(out, "server version", () -> pass(probe.serverVersion()));
            check(out, "tls", () -> tls(settings.url(), probe.tlsInUse().orElse(null)));
            Integer primaryMax = probe.maxConnections().isPresent() ? probe.maxConnections().getAsInt() : null;
            check(out, "pool budget", () -> poolBudget(config, primaryMax));
            List<String> replicas = config.replicas().settings().urls();
            for (int i = 0; i < replicas.size(); i++) {
                String url = replicas.get(i);
                check(out, "pool budget replica-" + (i + 1), () -> replicaBudget(config, url, primaryMax));
            }
            check(out, "clock", () -> clock(probe.clockOffset()));
            check(out, "migrations", () -> migrations(persistence));
        }
        return finish(err);
    }

    /** A check's outcome. */
    record Outcome(boolean ok, String detail) {
    }

    private static Outcome pass(String detail) {
        return new Outcome(true, detail);
    }

    private void check(PrintWriter out, String name, Supplier<Outcome> check) {
        Outcome outcome;
        try {
            outcome = check.get();
        } catch (RuntimeException e) {
            outcome = new Outcome(false, "could not check: " + describe(e));
        }
        report(out, outcome.ok(), name, outcome.detail());
    }

    private void report(PrintWriter out, boolean ok, String name, String detail) {
        if (!ok) {
            failed++;
        }
        out.println((ok ? "OK " : "FAIL ") + name + ": " + detail);
    }

    private int finish(PrintWriter err) {
        if (failed == 0) {
            return 0;
        }
        err.println("doctor: " + failed + " check(s) failed");
        return EXIT_FAILED;
    }

    /** Unencrypted is acceptable only when the traffic never leaves this machine. */
    static Outcome tls(String url, Boolean inUse) {
        if (inUse == null) {
            return pass("not applicable (SQLite is a local file)");
        }
        if (inUse) {
            return pass("in use");
        }
        var m = HOSTS.matcher(url);
        String hosts = m.find() ? m.group(1) : "";
        if (isLocal(hosts)) {
            return pass("not in use; acceptable, the connection does not leave this machine ("
                    + (hosts.isEmpty() ? "localhost" : hosts) + ")");
        }
        // Connector/J's sslMode has no "require": "trust" is the mode that encrypts without checking the server.
        return new Outcome(false, "not in use on a connection to " + hosts + "; add "
                + (url.toLowerCase(Locale.ROOT).startsWith("jdbc:mariadb:")
                        ? "sslMode=verify-full (or trust, which encrypts without checking the server)"
                        : "sslmode=verify-full (or require)")
                + " to DATABASE_URL");
    }

    private static boolean isLocal(String hosts) {
        if (hosts.isEmpty()) {
            return true;
        }
        for (String hostAndPort : hosts.split(",")) {
            String host = hostAndPort.startsWith("[")
                    ? hostAndPort.substring(1, Math.max(1, hostAndPort.indexOf(']')))
                    : hostAndPort.replaceFirst(":\\d*$", "");
            host = host.toLowerCase(Locale.ROOT);
            if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("::1"))) {
                return false;
            }
        }
        return true;
    }

    static Outcome poolBudget(AppConfig config, Integer maxConnections) {
        var budget = new PoolBudget(config.database().poolSize(), config.instances());
        if (maxConnections == null) {
            return pass("not applicable (SQLite has no connection limit; " + budget.poolSize()
                    + " reader(s) and one writer)");
        }
        String figures = figures("DB_POOL_SIZE", budget, maxConnections);
        if (budget.fits(maxConnections)) {
            return pass(figures);
        }
        return new Outcome(false, figures + "; lower DB_POOL_SIZE or raise max_connections");
    }

    /**
     * A hot standby's own budget: every instance's replica pool against its {@code max_connections}, which
     * PostgreSQL requires to be at least the primary's (a standby with less refuses to start, or stops replaying).
     */
    private static Outcome replicaBudget(AppConfig config, String url, Integer primaryMax) {
        var primary = config.database();
        var replicas = config.replicas().settings();
        try (var replica = open(primary.toBuilder().url(url).build())) {
            var probe = replica.probe();
            int maxConnections = probe.maxConnections().orElseThrow();
            var budget = new PoolBudget(replicas.poolSize(), config.instances());
            String figures = figures("DB_REPLICA_POOL_SIZE", budget, maxConnections);
            if (!probe.inRecovery().orElse(false)) {
                return new Outcome(false, figures + "; not a hot standby (pg_is_in_recovery() is false): "
                        + "it was promoted or is another primary");
            }
            if (primaryMax != null && maxConnections < primaryMax) {
                return new Outcome(false, figures + "; max_connections " + maxConnections
                        + " is below the primary's " + primaryMax + ", which a hot standby must match");
            }
            if (!budget.fits(maxConnections)) {
                return new Outcome(false, figures + "; lower DB_REPLICA_POOL_SIZE or raise max_connections");
            }
            return pass(figures + "; a hot standby");
        }
    }

    /** The budget's arithmetic, every number named: {@code DB_POOL_SIZE 10 x INSTANCES 3 = 30 connection(s), ...}. */
    private static String figures(String poolVariable, PoolBudget budget, int maxConnections) {
        return poolVariable + " " + budget.poolSize() + " x INSTANCES " + budget.instances() + " = "
                + budget.connections() + " connection(s), " + PoolBudget.LIMIT_PERCENT + "% of max_connections "
                + maxConnections + " is " + budget.limit(maxConnections);
    }

    private Outcome clock(Duration offset) {
        long millis = offset.toMillis();
        String detail = "database clock is " + Math.abs(millis) + " ms " + (millis >= 0 ? "ahead of" : "behind")
                + " this machine's (limit " + maxClockSkewMillis + " ms)";
        return new Outcome(Math.abs(millis) <= maxClockSkewMillis, detail);
    }

    private static Outcome migrations(JdbiPersistence persistence) {
        var state = persistence.migrations().state();
        String detail = "schema version " + state.versionLabel() + ", " + state.summary();
        if (state.failed() > 0) {
            return new Outcome(false, detail + "; run 'conduit repair', then 'conduit migrate'");
        }
        if (state.pending() > 0) {
            return new Outcome(false, detail + "; run 'conduit migrate'");
        }
        return pass(detail);
    }
}
