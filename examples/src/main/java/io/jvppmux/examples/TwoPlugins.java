package io.jvppmux.examples;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.TransportKind;
import io.jvppmux.api.VppMux;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.mock.MockVpp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Two plugins in one JVM sharing one mux, each on its own channel: {@link InterfaceWatcher} keeps a view of
 * VPP's interfaces from its events, {@link LoopbackProgrammer} keeps two loopbacks with addresses in VPP and
 * reconciles them after every reconnect.
 *
 * <pre>
 * java -jar examples/target/jvppmux-examples.jar                                  # embedded mock-vpp, restarted once
 * java -jar examples/target/jvppmux-examples.jar --socket /run/vpp/api.sock       # a live VPP, until Ctrl-C
 * java -jar examples/target/jvppmux-examples.jar --shm [--shm-prefix P] [--vppapiclient LIB] [--seconds N]
 * </pre>
 * Against a live VPP it runs until Ctrl-C (or {@code --seconds}); restart VPP meanwhile to see both plugins
 * recover. The loopbacks stay in VPP when it ends.
 */
public final class TwoPlugins {
    /** The loopbacks the programmer keeps. */
    static final List<DesiredLoopback> LOOPBACKS = List.of(
            DesiredLoopback.parse("02:00:00:00:15:01", "10.15.1.1/24"),
            DesiredLoopback.parse("02:00:00:00:15:02", "10.15.2.1/24"));

    private TwoPlugins() {
    }

    /** Runs the example; exit status 2 for bad arguments, 1 when VPP cannot be reached. */
    public static void main(String[] args) throws InterruptedException {
        MuxConfig config;
        long seconds;
        try {
            Options o = Options.parse(args);
            config = o.config();
            seconds = o.seconds;
        } catch (IllegalArgumentException e) {
            System.err.println("two-plugins: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            if (config == null) {
                runAgainstMock();
            } else {
                runAgainstLive(config, seconds);
            }
        } catch (RuntimeException e) {
            System.err.println("two-plugins: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void runAgainstMock() throws InterruptedException {
        try (MockVpp vpp = MockVpp.start()) {
            MockAddresses addresses = new MockAddresses(vpp);
            try (VppMux mux = JvppMux.connect(MuxConfig.defaults(), vpp.newTransport());
                 InterfaceWatcher watcher = new InterfaceWatcher(mux);
                 LoopbackProgrammer programmer = new LoopbackProgrammer(mux, LOOPBACKS)) {
                await(() -> watcher.byName("loop1") != null && watcher.byName("loop1").adminUp());
                print("after start", watcher, programmer, mux);
                System.out.println("restarting the embedded mock-vpp: every loopback and address is gone");
                addresses.restart();
                await(() -> programmer.reconciles() == 2 && watcher.resyncs() == 1);
                print("after the restart", watcher, programmer, mux);
                for (DesiredLoopback l : LOOPBACKS) {
                    System.out.println("  mock-vpp holds " + l.prefixText() + " on sw_if_index "
                            + programmer.programmed().get(l) + ": " + !addresses.of(programmer.programmed().get(l)).isEmpty());
                }
            }
        }
    }

    private static void runAgainstLive(MuxConfig config, long seconds) throws InterruptedException {
        try (VppMux mux = VppMux.connect(config);
             InterfaceWatcher watcher = new InterfaceWatcher(mux);
             LoopbackProgrammer programmer = new LoopbackProgrammer(mux, LOOPBACKS)) {
            print("after start", watcher, programmer, mux);
            long end = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
            long lastReconciles = programmer.reconciles();
            while (System.nanoTime() < end) {
                Thread.sleep(250);
                if (programmer.reconciles() != lastReconciles) {
                    lastReconciles = programmer.reconciles();
                    print("after a reconnect", watcher, programmer, mux);
                }
            }
        }
    }

    private static void print(String when, InterfaceWatcher watcher, LoopbackProgrammer programmer, VppMux mux) {
        System.out.println("== " + when + ": " + mux.metrics().channelsOpen() + " channels on one connection to VPP pid "
                + mux.vppInfo().pid());
        programmer.programmed().forEach((l, i) -> System.out.println("  programmer: " + l + " is sw_if_index " + i));
        watcher.view().values().forEach(i -> System.out.println("  watcher:    " + i));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the plugins did not settle within 30 s");
            }
            Thread.sleep(20);
        }
    }

    /** The command line. */
    record Options(Path socket, boolean shm, String shmPrefix, Path vppapiclient, long seconds) {
        static Options parse(String[] args) {
            Path socket = null;
            boolean shm = false;
            String prefix = null;
            Path lib = null;
            long seconds = 0;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--socket" -> socket = Path.of(value(args, ++i, a));
                    case "--shm" -> shm = true;
                    case "--shm-prefix" -> prefix = value(args, ++i, a);
                    case "--vppapiclient" -> lib = Path.of(value(args, ++i, a));
                    case "--seconds" -> seconds = seconds(value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown argument " + a
                            + " (use --socket PATH, or --shm [--shm-prefix P] [--vppapiclient LIB], and --seconds N)");
                }
            }
            if (socket != null && shm) {
                throw new IllegalArgumentException("give --socket or --shm, not both");
            }
            if (!shm && (prefix != null || lib != null)) {
                throw new IllegalArgumentException("--shm-prefix and --vppapiclient need --shm");
            }
            return new Options(socket, shm, prefix, lib, seconds);
        }

        /** The live VPP's configuration, or null for the embedded mock. */
        MuxConfig config() {
            if (socket != null) {
                return MuxConfig.builder().transport(TransportKind.SOCKET).socketPath(socket).build();
            }
            if (!shm) {
                return null;
            }
            MuxConfig.Builder b = MuxConfig.builder().transport(TransportKind.SHM).fallbackToSocket(false);
            if (shmPrefix != null) {
                b.shmPrefix(shmPrefix);
            }
            if (vppapiclient != null) {
                b.vppapiclientLibrary(vppapiclient);
            }
            return b.build();
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static long seconds(String v) {
            try {
                long s = Long.parseLong(v);
                if (s > 0) {
                    return s;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--seconds must be a positive whole number: " + v);
        }
    }
}
