package io.jvppmux.cli;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.Subscription;
import io.jvppmux.binapi.interface_types.IfStatusFlags;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code events}: subscribes to VPP's interface events ({@code want_interface_events}) and prints each one as it
 * arrives, until interrupted (Ctrl-C), {@code --count} events or {@code --duration}. Against the embedded
 * mock, local0's link goes up and down every half second so that there is something to see.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Print VPP's interface events as they arrive, until Ctrl-C, --count or --duration.")
final class EventsCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration FLAP = Duration.ofMillis(500);

    @Mixin
    private TargetOptions target;
    @Option(names = {"-n", "--count"}, paramLabel = "N", description = "stop after N events")
    private Integer count;
    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "stop after this long, e.g. 30s or 5m")
    private Duration duration;
    @Option(names = "--json", description = "one JSON object per line")
    private boolean json;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count must be at least 1: " + count);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("--duration must be positive: " + duration);
        }
        try (StopSignal stop = new StopSignal(); Target t = Target.open(target); ApiChannel ch = t.mux().newApiChannel();
             Subscription<SwInterfaceEvent> events = ch.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 1024);
             MockActivity activity = MockActivity.start(t.mock(), null, FLAP)) {
            Map<Long, String> names = names(ch);
            long pid = ProcessHandle.current().pid();
            ch.call(new WantInterfaceEvents().enableDisable(1).pid(pid));
            try {
                watch(events, ch, names, stop);
            } finally {
                ch.call(new WantInterfaceEvents().enableDisable(0).pid(pid));
            }
        }
        return 0;
    }

    private void watch(Subscription<SwInterfaceEvent> events, ApiChannel ch, Map<Long, String> names,
                       StopSignal stop) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        int seen = 0;
        while (!stop.raised() && (count == null || seen < count) && System.nanoTime() < deadline) {
            long left = deadline - System.nanoTime();
            SwInterfaceEvent e = events.poll(left < POLL.toNanos() ? Duration.ofNanos(Math.max(left, 1)) : POLL);
            if (e == null) {
                continue;
            }
            if (!names.containsKey(e.swIfIndex())) {
                names.putAll(names(ch));
            }
            out.println(format(e, names.getOrDefault(e.swIfIndex(), "?")));
            out.flush();
            seen++;
        }
    }

    private String format(SwInterfaceEvent e, String name) {
        boolean admin = (e.flagsValue() & IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP.value()) != 0;
        boolean link = (e.flagsValue() & IfStatusFlags.IF_STATUS_API_FLAG_LINK_UP.value()) != 0;
        String time = Instant.now().toString();
        if (json) {
            return new Json().beginObject().field("time", time).field("sw_if_index", e.swIfIndex()).field("name", name)
                    .field("admin_up", admin).field("link_up", link).field("deleted", e.deleted()).end().toString();
        }
        return String.format("%s  sw_if_index=%d  %s  admin %s  link %s%s", time, e.swIfIndex(), name,
                admin ? "up" : "down", link ? "up" : "down", e.deleted() ? "  deleted" : "");
    }

    private static Map<Long, String> names(ApiChannel ch) {
        Map<Long, String> names = new HashMap<>();
        for (SwInterfaceDetails d : ch.dump(new SwInterfaceDump())) {
            names.put(d.swIfIndex(), d.interfaceName());
        }
        return names;
    }
}
