package io.conduithex.bootstrap;

import io.conduithex.bootstrap.cli.ConduitCommandLine;

/** The entry point of {@code java -jar conduit.jar}: hands the arguments to the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = ConduitCommandLine.commandLine().execute(args);
        // A clean exit needs no System.exit: serve returns only once the JVM is already shutting down.
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
