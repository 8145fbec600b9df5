package io.jvppmux.cli;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.VppApiException;
import io.jvppmux.binapi.vlib.CliInband;
import io.jvppmux.binapi.vlib.CliInbandReply;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cli "show interface"}: sends the line to VPP's debug CLI ({@code cli_inband}, what {@code vppctl}
 * does) and prints VPP's text. When VPP refuses the line (a non-zero retval), VPP's text goes to stderr on one
 * line and the exit status is 1.
 */
@Command(name = "cli", mixinStandardHelpOptions = true,
        description = "Run a VPP debug CLI command (cli_inband) and print VPP's answer, like vppctl.")
final class CliCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "WORD", description = "the CLI command, e.g. \"show interface\"")
    private String[] words;
    @Mixin
    private TargetOptions target;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String line = String.join(" ", words).trim();
        if (line.isEmpty()) {
            throw new IllegalArgumentException("the CLI command is empty");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Target t = Target.open(target); ApiChannel ch = t.mux().newApiChannel()) {
            CliInbandReply r = ch.call(new CliInband().cmd(line));
            out.print(r.reply());
            if (!r.reply().isEmpty() && !r.reply().endsWith("\n")) {
                out.println();
            }
            out.flush();
            return 0;
        } catch (VppApiException e) {
            spec.commandLine().getErr().println("jvppmux: VPP refused \"" + line + "\": " + vppText(e));
            return 1;
        }
    }

    /** VPP's own text of a refused line, on one line; VPP's error name when the reply carries no text. */
    private static String vppText(VppApiException e) {
        if (e.reply() instanceof CliInbandReply r && !r.reply().isBlank()) {
            return Main.oneLine(new IllegalStateException(r.reply().strip()));
        }
        return "retval " + e.retval() + " " + e.errorName() + " (" + e.errorMessage() + ")";
    }
}
