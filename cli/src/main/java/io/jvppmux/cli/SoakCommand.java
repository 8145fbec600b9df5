package io.jvppmux.cli;

import io.jvppmux.api.VppMux;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A soak: mixed traffic ({@link SoakTraffic}) for a while against a VPP that may restart or freeze meanwhile
 * ({@code ci/soak.sh} does that to it), gauges sampled ({@link SoakSampler}), and one closing line: requests,
 * replies, failures by cause, lost, drift. Exits 1 when a request was lost, a failure was not one of the
 * library's exceptions, something is still in flight at the end, or a drift is beyond its bound.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Mixed traffic for a while; samples heap, threads, fds, channels, requests in flight; "
                + "ends with one line (requests, replies, failures, lost, drift).")
final class SoakCommand implements Callable<Integer> {
    @Mixin
    private TargetOptions target;
    @Option(names = "--minutes", defaultValue = "10", description = "how long (default: ${DEFAULT-VALUE})")
    private double minutes;
    @Option(names = "--callers", defaultValue = "6", description = "caller threads, one channel each (default: ${DEFAULT-VALUE})")
    private int callers;
    @Option(names = "--sample-seconds", defaultValue = "5", description = "seconds between samples (default: ${DEFAULT-VALUE})")
    private int sampleSeconds;
    @Option(names = "--max-heap-drift-mb", defaultValue = "16", description = "bound of the heap's drift (default: ${DEFAULT-VALUE})")
    private long maxHeapDriftMb;
    @Option(names = "--max-thread-drift", defaultValue = "2", description = "bound of the threads' drift (default: ${DEFAULT-VALUE})")
    private long maxThreadDrift;
    @Option(names = "--max-fd-drift", defaultValue = "8", description = "bound of the descriptors' drift (default: ${DEFAULT-VALUE})")
    private long maxFdDrift;
    @Option(names = "--seed", defaultValue = "13", description = "seed of the callers' choices (default: ${DEFAULT-VALUE})")
    private long seed;
    @Option(names = "--progress", description = "a line per sample on stderr")
    private boolean progress;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (minutes <= 0 || callers < 1 || sampleSeconds < 1) {
            throw new IllegalArgumentException("--minutes, --callers and --sample-seconds must be positive: "
                    + minutes + ", " + callers + ", " + sampleSeconds);
        }
        // reconnect soon after a restart: first attempt after 100 ms, never more than 1 s apart
        try (Target t = Target.open(target, spec.commandLine().getErr(), c -> c.toBuilder()
                .retryConnectTimeout(Duration.ofMillis(100)).reconnectBackoffMax(Duration.ofSeconds(1)).build())) {
            return soak(t.mux());
        }
    }

    private int soak(VppMux mux) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        SoakTally tally = new SoakTally();
        SoakSampler sampler = new SoakSampler(mux);
        SoakTraffic traffic = new SoakTraffic(mux, tally);
        long end = System.nanoTime() + (long) (minutes * 60e9);
        traffic.start(callers, seed);
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(sampleSeconds * 1000L, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            sampler.sample();
            if (progress) {
                err.printf("soak: requests=%d replies=%d failures=%s %s %s%n", tally.requests(), tally.replies(),
                        tally.failures(), mux.connectionState(), sampler.last());
            }
        }
        int hung = traffic.stop();
        long inflight = mux.metrics().inFlight();
        int channels = mux.metrics().channelsOpen();
        String line = line(tally, sampler, mux, hung, inflight, channels);
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
        return line.endsWith("result=PASS") ? 0 : 1;
    }

    private String line(SoakTally t, SoakSampler s, VppMux mux, int hung, long inflight, int channels) {
        Map<String, Long> drift = s.drift();
        List<String> broken = new ArrayList<>();
        check(broken, "lost", t.lost() > 0 || hung > 0);
        check(broken, "unexpected", t.unexpected() > 0);
        check(broken, "inflight", inflight != 0 || channels != 0);
        check(broken, "heap", drift.get("heap") > maxHeapDriftMb << 20);
        check(broken, "threads", drift.get("threads") > maxThreadDrift);
        check(broken, "fds", drift.get("fds") > maxFdDrift);
        check(broken, "samples", s.count() < 4);
        return String.format("SOAK minutes=%s requests=%d replies=%d failures=%s lost=%d unexpected=%d hung=%d"
                        + " events=%d channels-cycled=%d reconnects=%d samples=%d drift heap=%+.1fMiB threads=%+d"
                        + " fds=%+d channels=%+d inflight=%+d end inflight=%d channels=%d"
                        + " bounds heap<=%dMiB threads<=%d fds<=%d result=%s",
                minutes, t.requests(), t.replies(), t.failures(), t.lost(), t.unexpected(), hung, t.events(),
                t.channelsCycled(), mux.metrics().reconnects(), s.count(), drift.get("heap") / 1048576.0,
                drift.get("threads"), drift.get("fds"), drift.get("channels"), drift.get("inflight"), inflight,
                channels, maxHeapDriftMb, maxThreadDrift, maxFdDrift,
                broken.isEmpty() ? "PASS" : "FAIL(" + String.join(",", broken) + ")");
    }

    private static void check(List<String> broken, String what, boolean failed) {
        if (failed) {
            broken.add(what);
        }
    }
}
