package io.jvppmux.impl.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.stats.NameVector;
import io.jvppmux.api.stats.ScalarValue;
import io.jvppmux.api.stats.StatEntry;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.StatsException;
import io.jvppmux.api.stats.StatsPattern;
import io.jvppmux.stats.StatsClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stats client across a VPP restart, against VPP's own reader: one client, opened before the crash, maps
 * the new segment by itself and reads what {@code vpp_get_stats} reads for {@code /if/names}, every
 * {@code /sys/} scalar and an error counter made non-zero on purpose.
 */
@Timeout(120)
class LiveStatsRestartTest {
    @RegisterExtension
    static final OwnVpp VPP = new OwnVpp("stats");
    private static final String GLEAN = "/err/ip4-glean/request_sent";
    /** VPP drops a second ARP request for one address within a millisecond; on a busy machine two pings can. */
    private static final String THROTTLED = "/err/ip4-glean/throttled";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void afterARestartTheClientMapsTheNewSegmentAndReadsWhatVppGetStatsReads() throws Exception {
        VppProcess vpp = VPP.ensureRunning();
        try (StatsClient stats = StatsClients.connectSocket(vpp.statsSocket())) {
            assertThat(names(stats)).startsWith("local0");
            int remapsBefore = stats.health().remaps();
            vpp.kill();
            vpp.restart();
            // three pings from a loopback: each is an ARP request sent (/err/ip4-glean/request_sent) or, when VPP
            // handles two within its throttle's millisecond, a throttled one; the two add up to 3 on the new VPP
            vpp.vppctlExec(List.of("create loopback interface", "set interface state loop0 up",
                    "set interface ip address loop0 10.10.0.1/24", "ping 10.10.0.2 repeat 3 interval 0.01"));

            // reads within the probe interval may still see the dead VPP's segment: wait for the new VPP's view
            List<String> ours = retrying(() -> names(stats), n -> n.contains("loop0"));
            assertThat(stats.health().remaps()).as("the new segment was mapped").isGreaterThan(remapsBefore);
            VppGetStats theirs = VppGetStats.dump(vpp, "/if/names", "/sys/", GLEAN);
            assertThat(ours).containsExactlyElementsOf(theirs.names.get("/if/names").values()).contains("loop0");

            Map<String, Long> before = scalars(stats);
            theirs = VppGetStats.dump(vpp, "/sys/", GLEAN, THROTTLED);
            Map<String, Long> after = scalars(stats);
            assertThat(before.keySet()).as("the /sys/ scalars").isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(theirs.scalars.keySet());
            for (Map.Entry<String, Double> e : theirs.scalars.entrySet()) {
                long low = Math.min(before.get(e.getKey()), after.get(e.getKey()));
                long high = Math.max(before.get(e.getKey()), after.get(e.getKey()));
                assertThat(Math.round(e.getValue())).as("%s: ours read %d before and %d after vpp_get_stats's",
                        e.getKey(), before.get(e.getKey()), after.get(e.getKey())).isBetween(low, high);
            }
            long sent = errorSum(stats, GLEAN);
            long throttled = errorSum(stats, THROTTLED);
            assertThat(sent).as(GLEAN).isEqualTo(theirs.counterSums.get(GLEAN)).isPositive();
            assertThat(throttled).as(THROTTLED).isEqualTo(theirs.counterSums.get(THROTTLED));
            assertThat(sent + throttled).as("ARP requests sent or throttled for three pings").isEqualTo(3);
        }
    }

    private static long errorSum(StatsClient stats, String name) {
        return stats.errorStats().stream().filter(c -> c.name().equals(name)).mapToLong(c -> c.values().sum()).sum();
    }

    private static List<String> names(StatsClient stats) {
        StatEntry e = stats.dumpStats(StatsPattern.exact("/if/names")).get(0);
        return ((NameVector) e.value()).names();
    }

    /** Every /sys/ scalar (gauges and scalars). */
    private static Map<String, Long> scalars(StatsClient stats) {
        Map<String, Long> out = new TreeMap<>();
        for (StatEntry e : stats.dumpStats(StatsPattern.prefix("/sys/"))) {
            if (e.value() instanceof ScalarValue s) {
                out.put(e.name(), s.value());
            }
        }
        return out;
    }

    /** Reads until a read succeeds and {@code done} holds, for at most {@link #WAIT}. */
    private static <T> T retrying(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = null;
        StatsException failure = null;
        while (System.nanoTime() < deadline) {
            try {
                last = read.get();
                failure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (StatsException e) {
                failure = e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the stats client did not show the restarted VPP within " + WAIT + "; last read "
                + last, failure);
    }

}
