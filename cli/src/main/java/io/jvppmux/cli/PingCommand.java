package io.jvppmux.cli;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code control_ping} round trips, timed. */
@Command(name = "ping", mixinStandardHelpOptions = true, description = "Send control_ping and time the replies.")
final class PingCommand implements Callable<Integer> {
    @Mixin
    private TargetOptions target;
    @Option(names = {"-c", "--count"}, defaultValue = "3", description = "how many pings (default: ${DEFAULT-VALUE})")
    private int count;
    @Option(names = "--json", description = "print a JSON object")
    private boolean json;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1: " + count);
        }
        PrintWriter out = spec.commandLine().getOut();
        long min = Long.MAX_VALUE;
        long max = 0;
        long sum = 0;
        long pid = 0;
        Json pings = new Json().beginObject().name("pings").beginArray();
        try (Target t = Target.open(target); ApiChannel ch = t.mux().newApiChannel()) {
            for (int i = 1; i <= count; i++) {
                long start = System.nanoTime();
                ControlPingReply r = ch.call(new ControlPing());
                long nanos = System.nanoTime() - start;
                min = Math.min(min, nanos);
                max = Math.max(max, nanos);
                sum += nanos;
                pid = r.vpePid();
                if (json) {
                    pings.beginObject().field("seq", i).field("time_ms", nanos / 1e6).end();
                } else {
                    out.printf("control_ping_reply from VPP pid %d: seq=%d time=%.3f ms%n", r.vpePid(), i, nanos / 1e6);
                }
            }
        }
        if (json) {
            out.println(pings.end().field("vpe_pid", pid).field("count", count).field("min_ms", min / 1e6)
                    .field("avg_ms", sum / 1e6 / count).field("max_ms", max / 1e6).end());
        } else {
            out.printf("%d pings: min/avg/max = %.3f/%.3f/%.3f ms%n", count, min / 1e6, sum / 1e6 / count, max / 1e6);
        }
        out.flush();
        return 0;
    }
}
