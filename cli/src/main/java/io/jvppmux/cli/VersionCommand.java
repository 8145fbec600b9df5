package io.jvppmux.cli;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code show_version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print VPP's program, version and build date.")
final class VersionCommand implements Callable<Integer> {
    @Mixin
    private TargetOptions target;
    @Option(names = "--json", description = "print a JSON object")
    private boolean json;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Target t = Target.open(target, spec.commandLine().getErr()); ApiChannel ch = t.mux().newApiChannel()) {
            ShowVersionReply v = ch.call(new ShowVersion());
            t.mark("first reply (show_version)");
            if (json) {
                out.println(new Json().beginObject().field("program", v.program()).field("version", v.version())
                        .field("build_date", v.buildDate()).field("build_directory", v.buildDirectory()).end());
            } else {
                out.printf("%s %s (built %s)%n", v.program(), v.version(), v.buildDate());
            }
        }
        out.flush();
        return 0;
    }
}
