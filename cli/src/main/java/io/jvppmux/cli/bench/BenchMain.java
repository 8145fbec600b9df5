package io.jvppmux.cli.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs {@link BenchCommand} on its own, with the cli's error conventions (one line on stderr; exit 1 for a
 * failure, 2 for bad arguments): {@code java -cp jvppmux.jar io.jvppmux.cli.bench.BenchMain [options]}.
 * The same as {@code java -jar jvppmux.jar bench [options]} once the command is registered in the cli.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Runs the bench and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the bench in-process and returns its exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("jvppmux: " + BenchCommand.oneLine(e));
            return 1;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("jvppmux: " + e.getMessage() + " (see --help)");
            return 2;
        });
        return cli.execute(args);
    }
}
