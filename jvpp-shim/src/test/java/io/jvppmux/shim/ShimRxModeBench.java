package io.jvppmux.shim;

import io.jvppmux.api.spi.RxSink;
import io.jvppmux.mock.MockVpp;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Callback mode versus vac_read from a Java thread, through the test libvppapiclient and mock-vpp's socket
 * server (not a test: a measurement, run by hand, see jvpp-shim/README.md). Both modes hand each reply to
 * the waiting thread, as the mux's ring does. Prints the median of {@code rounds} runs per mode.
 *
 * <pre>java -Djvppmux.test.fakeVac=... -cp ... io.jvppmux.shim.ShimRxModeBench [sync] [pipelined] [rounds]</pre>
 */
public final class ShimRxModeBench {
    private ShimRxModeBench() {
    }

    public static void main(String[] args) throws Exception {
        int sync = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int pipelined = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (FakeVpp fake = FakeVpp.start()) {
            JvppShim.ensureAvailable();
            System.out.println(JvppShim.describe());
            for (RxMode mode : RxMode.values()) {
                run(mode, sync, pipelined);
            }
            for (RxMode mode : RxMode.values()) {
                List<Double> s = new ArrayList<>();
                List<Double> p = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    double[] rates = run(mode, sync, pipelined);
                    s.add(rates[0]);
                    p.add(rates[1]);
                }
                System.out.printf("%-8s sync %,10.0f round trips/s   pipelined %,10.0f msgs/s   (median of %d)%n",
                        mode, median(s), median(p), rounds);
            }
        }
    }

    private static double[] run(RxMode mode, int sync, int pipelined) throws Exception {
        Semaphore replies = new Semaphore(0);
        RxSink sink = new RxSink() {
            private final ByteBuffer slot = ByteBuffer.allocateDirect(4096);

            @Override
            public ByteBuffer claim(int length) {
                return slot.clear();
            }

            @Override
            public void publish(int length) {
                replies.release();
            }

            @Override
            public void closed(Throwable cause) {
            }
        };
        ShimReceiver receiver = new ShimReceiver(sink);
        JvppShim.connect("bench", FakeVpp.PREFIX, 1024, mode, receiver);
        Thread reader = mode == RxMode.READ ? startReader(receiver) : null;
        try {
            int id = JvppShim.messageIndex(Messages.CONTROL_PING);
            ByteBuffer ping = Messages.controlPing(id, 1);
            long t0 = System.nanoTime();
            for (int i = 0; i < sync; i++) {
                JvppShim.write(ping);
                if (!replies.tryAcquire(5, TimeUnit.SECONDS)) {
                    throw new AssertionError("no reply");
                }
            }
            double syncRate = sync / ((System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            for (int i = 0; i < pipelined; i++) {
                if (i >= 512 && !replies.tryAcquire(5, TimeUnit.SECONDS)) { // at most 512 in flight
                    throw new AssertionError("no reply");
                }
                JvppShim.write(ping);
            }
            if (!replies.tryAcquire(Math.min(512, pipelined), 5, TimeUnit.SECONDS)) {
                throw new AssertionError("replies missing");
            }
            return new double[] {syncRate, pipelined / ((System.nanoTime() - t0) / 1e9)};
        } finally {
            receiver.close();
            if (reader != null) {
                reader.interrupt();
                JvppShim.disconnect();
                reader.join(3000);
            } else {
                JvppShim.disconnect();
            }
        }
    }

    private static Thread startReader(ShimReceiver receiver) {
        Thread t = new Thread(() -> {
            try {
                while (receiver.isOpen()) {
                    JvppShim.read(receiver, 1);
                }
            } catch (RuntimeException e) {
                // disconnected
            }
        }, "bench-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
