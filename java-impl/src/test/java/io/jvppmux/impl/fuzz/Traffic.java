package io.jvppmux.impl.fuzz;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppException;
import io.jvppmux.api.VppMux;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests from several threads, each on its own channel, while a peer misbehaves: calls, pipelined
 * {@code sendRequest}s, dumps. Every request must end in a reply or a {@link VppException} within its bound;
 * anything else, or a request that outlives the bound, is recorded as a violation.
 */
final class Traffic {
    private final VppMux mux;
    private final Duration replyTimeout;
    private final Duration bound;
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final AtomicLong slowestNanos = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stop;

    /**
     * @param bound how long one request (or a pipelined window of them) may take at most
     */
    Traffic(VppMux mux, Duration replyTimeout, Duration bound) {
        this.mux = mux;
        this.replyTimeout = replyTimeout;
        this.bound = bound;
    }

    /** Starts {@code n} threads, each with its own channel, seeded. */
    void start(int n, long seed) {
        for (int i = 0; i < n; i++) {
            Random rnd = new Random(seed + i);
            Thread t = new Thread(() -> run(rnd), "fuzz-traffic-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Stops and joins the threads; each ends within the bound once asked. */
    void stop() throws InterruptedException {
        stop = true;
        for (Thread t : threads) {
            t.join(bound.toMillis() * 2);
            if (t.isAlive()) {
                violation(t.getName() + " did not end within " + bound.toMillis() * 2 + " ms: a hang");
            }
        }
    }

    private void run(Random rnd) {
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.setReplyTimeout(replyTimeout);
            while (!stop) {
                long start = System.nanoTime();
                try {
                    one(ch, rnd.nextInt(4));
                    outcome("reply");
                } catch (NotConnectedException e) {
                    outcome(e.getClass().getSimpleName());
                    pause();
                } catch (VppException e) {
                    outcome(e.getClass().getSimpleName());
                } catch (RuntimeException | Error e) {
                    violation("unexpected " + e);
                }
                long took = System.nanoTime() - start;
                slowestNanos.accumulateAndGet(took, Math::max);
                if (took > bound.toNanos()) {
                    violation("a request took " + took / 1_000_000 + " ms, more than " + bound.toMillis() + " ms");
                }
            }
        }
    }

    /** While disconnected, requests fail at once: a short pause keeps the threads from spinning. */
    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void one(ApiChannel ch, int op) {
        switch (op) {
            case 0 -> ch.call(new ControlPing());
            case 1 -> ch.call(new ShowVersion());
            case 2 -> ch.dump(new SwInterfaceDump());
            default -> {
                var a = ch.sendRequest(new ControlPing());
                var b = ch.sendRequest(new ControlPing());
                a.receiveReply(new ControlPingReply());
                b.receiveReply(new ControlPingReply());
            }
        }
    }

    private void outcome(String what) {
        outcomes.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    private synchronized void violation(String what) {
        if (violations.size() < 20) {
            violations.add(what);
        }
    }

    /** Requests ended, by outcome ({@code reply} or the exception's simple name). */
    Map<String, Long> outcomes() {
        Map<String, Long> m = new TreeMap<>();
        outcomes.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    Duration slowest() {
        return Duration.ofNanos(slowestNanos.get());
    }
}
