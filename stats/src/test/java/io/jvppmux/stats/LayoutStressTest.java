package io.jvppmux.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.stats.CombinedCounters;
import io.jvppmux.api.stats.InterfaceCounters;
import io.jvppmux.api.stats.PerThread;
import io.jvppmux.api.stats.SimpleCounters;
import io.jvppmux.api.stats.StatEntry;
import io.jvppmux.api.stats.StatValue;
import io.jvppmux.api.stats.StatsBusyException;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.StatsDirectory;
import io.jvppmux.api.stats.StatsPattern;
import io.jvppmux.mock.stats.MockVppStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer thread changes the layout thousands of times (interfaces created and deleted, so directory
 * slots, sw_if_indices and vectors are reused, the directory and the counter vectors reallocated, gauges
 * added and removed, symlinks added without the lock as VPP does, counters updated) while a reader dumps, polls prepared directories and the interface
 * view. Every counter value carries its owner's generation in its high 32 bits, and every name carries the
 * generation too: a value from a reused slot would not match its name. The only exception allowed is
 * StatsBusyException.
 */
class LayoutStressTest {
    private static final long RUN_NANOS = 4_000_000_000L;
    private static final int MIN_CHANGES = 2_000;
    @TempDir
    Path dir;

    @Test
    void readersSeeNoValueFromAReusedSlotWhileTheLayoutChanges() throws Exception {
        MockVppStats m = StatsFixture.mock(dir, 2);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong changes = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Thread writer = new Thread(() -> write(m, stop, changes, failures), "stress-writer");
        StatsOptions o = StatsOptions.defaults().withReadTimeout(Duration.ofMillis(50));
        long reads = 0;
        long busy = 0;
        try (StatsClient c = StatsFixture.client(m, o)) {
            StatsDirectory prepared = c.prepare(StatsPattern.prefix("/interfaces/"));
            StatsDirectory gauges = c.prepare(StatsPattern.prefix("/stress/"));
            writer.start();
            long end = System.nanoTime() + RUN_NANOS;
            long hardEnd = end + 15 * RUN_NANOS;  // a slow or busy machine runs longer until both minimums are met
            while (failures.isEmpty() && System.nanoTime() < hardEnd
                    && (System.nanoTime() < end || reads <= 100 || changes.get() < MIN_CHANGES)) {
                try {
                    switch ((int) (reads % 4)) {
                        case 0 -> checkEntries(c.dumpStats(StatsPattern.prefix("/interfaces/")));
                        case 1 -> checkEntries(prepared.read());
                        case 2 -> checkGauges(reads % 8 == 2 ? gauges.read() : c.dumpStats(StatsPattern.prefix("/stress/")));
                        default -> checkInterfaces(c.interfaceStats());
                    }
                    reads++;
                } catch (StatsBusyException e) {
                    busy++;
                }
            }
        } finally {
            stop.set(true);
            writer.join(10_000);
        }
        System.out.printf("layout stress: %d layout changes, %d consistent reads, %d busy%n", changes.get(), reads, busy);
        assertThat(failures).isEmpty();
        assertThat(changes.get()).as("layout changes").isGreaterThanOrEqualTo(MIN_CHANGES);
        assertThat(reads).as("successful reads (busy: " + busy + ")").isGreaterThan(100);
    }

    /** Interface i{gen}: every counter of it holds gen << 32 | count; gauges /stress/g{gen} hold gen << 32. */
    private static void write(MockVppStats m, AtomicBoolean stop, AtomicLong changes, ConcurrentLinkedQueue<Throwable> failures) {
        Random rnd = new Random(7);
        List<int[]> live = new ArrayList<>(); // {sw, gen}
        List<Integer> gaugeGens = new ArrayList<>();
        List<int[]> links = new ArrayList<>(); // {column, gen}
        java.util.ArrayDeque<Integer> freeColumns = new java.util.ArrayDeque<>();
        m.segment().addSimple("/stress/vec", 32);
        for (int c = 0; c < 32; c++) {
            freeColumns.push(c);
        }
        int gen = 1;
        try {
            while (!stop.get()) {
                if ((changes.get() & 15) == 0) {
                    Thread.yield(); // leave the reader a share of a busy 2-core machine
                }
                int op = rnd.nextInt(11);
                if (op == 10) {
                    if (!freeColumns.isEmpty()) { // VPP-style unlocked symlink add: no epoch bump
                        int g = gen++;
                        int c = freeColumns.pop();
                        for (int t = 0; t < 2; t++) {
                            m.segment().setSimple("/stress/vec", t, c, (long) g << 32);
                        }
                        m.segment().addSymlinkUnlocked("/stress/l" + g, "/stress/vec", c);
                        links.add(new int[] {c, g});
                    } else {
                        int[] l = links.remove(rnd.nextInt(links.size()));
                        m.segment().remove("/stress/l" + l[1]);
                        freeColumns.push(l[0]);
                    }
                    changes.incrementAndGet();
                    continue;
                }
                if (op < 4 && live.size() < 40) {
                    int g = gen++;
                    live.add(new int[] {m.addInterface("i" + g, (long) g << 32), g});
                } else if (op < 7 && !live.isEmpty()) {
                    m.deleteInterface(live.remove(rnd.nextInt(live.size()))[0]);
                } else if (op < 8) {
                    int g = gen++;
                    m.segment().addGauge("/stress/g" + g, (long) g << 32);
                    gaugeGens.add(g);
                    if (gaugeGens.size() > 30) {
                        m.segment().remove("/stress/g" + gaugeGens.remove(rnd.nextInt(gaugeGens.size())));
                    }
                } else if (!live.isEmpty()) {
                    int[] i = live.get(rnd.nextInt(live.size()));
                    m.addTraffic(i[0], rnd.nextInt(2), "rx", 1, 1);
                    m.count(i[0], rnd.nextInt(2), "drops", 1);
                    continue;
                }
                changes.incrementAndGet();
            }
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    private static long gen(String name) {
        String s = name.substring("/interfaces/i".length());
        return Long.parseLong(s.substring(0, s.indexOf('/')));
    }

    private static void checkEntries(List<StatEntry> entries) {
        for (StatEntry e : entries) {
            if (e.name().startsWith("/interfaces/local0/")) {
                continue;
            }
            long g = gen(e.name());
            StatValue v = e.value();
            if (v instanceof SimpleCounters sc) {
                for (int t = 0; t < sc.threads(); t++) {
                    assertThat(sc.get(t, 0) >>> 32).as(e.name()).isEqualTo(g);
                }
            } else {
                CombinedCounters cc = (CombinedCounters) v;
                for (int t = 0; t < cc.threads(); t++) {
                    assertThat(cc.packets(t, 0) >>> 32).as(e.name()).isEqualTo(g);
                    assertThat(cc.bytes(t, 0) >>> 32).as(e.name()).isEqualTo(g);
                }
            }
        }
    }

    private static void checkGauges(List<StatEntry> entries) {
        for (StatEntry e : entries) {
            long g = e.name().equals("/stress/vec") ? -1 : Long.parseLong(e.name().substring("/stress/g".length()));
            if (e.name().startsWith("/stress/g")) {
                assertThat(e.scalar() >>> 32).as(e.name()).isEqualTo(g);
            } else if (e.name().startsWith("/stress/l")) {
                SimpleCounters sc = (SimpleCounters) e.value();
                for (int t = 0; t < sc.threads(); t++) {
                    assertThat(sc.get(t, 0) >>> 32).as(e.name()).isEqualTo(g);
                }
            }
        }
    }

    private static void checkInterfaces(List<InterfaceCounters> l) {
        for (InterfaceCounters i : l) {
            if (!i.name().startsWith("i")) {
                continue; // local0, deleted
            }
            long g = Long.parseLong(i.name().substring(1));
            for (PerThread p : List.of(i.rx().packets(), i.rx().bytes(), i.drops(), i.txErrors())) {
                for (long v : p.toArray()) {
                    assertThat(v >>> 32).as(i.name()).isEqualTo(g);
                }
            }
        }
    }
}
