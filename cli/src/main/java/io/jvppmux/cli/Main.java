package io.jvppmux.cli;

import io.jvppmux.cli.bench.BenchCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar jvppmux.jar <command>}: talks to VPP through jvppmux, by default to an embedded mock-vpp,
 * or to a live VPP with {@code --socket PATH}, {@code --shm} or {@code --config FILE}. Results go to stdout; an error is one line on stderr and a
 * non-zero exit (1 for a failure, 2 for bad arguments), never a stack trace.
 */
@Command(name = "jvppmux", mixinStandardHelpOptions = true, version = "jvppmux 0.1.0",
        description = "Talk to FD.io VPP through jvppmux (embedded mock-vpp unless --socket, --shm or --config is given).",
        subcommands = {InterfacesCommand.class, RoutesCommand.class, AclsCommand.class, VersionCommand.class, PingCommand.class, CliCommand.class,
                EventsCommand.class, StatsCommand.class, ExporterCommand.class, BenchCommand.class, SoakCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the cli and exits with its status. */
    public static void main(String[] args) {
        Timeline.mainStarted();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the cli in-process: parses {@code args}, runs the command, returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("jvppmux: " + oneLine(e));
            return 1;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("jvppmux: " + e.getMessage() + " (see --help)");
            return 2;
        });
        return cli.execute(args);
    }

    /** The exception's message (or its type when it has none), on one line. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return m.replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
