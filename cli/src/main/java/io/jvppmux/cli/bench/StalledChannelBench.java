package io.jvppmux.cli.bench;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ChannelClosedException;
import io.jvppmux.api.ChannelMetrics;
import io.jvppmux.api.FailureCause;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.VppMux;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.MuxOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * {@code bench --stalled-channel}: head-of-line blocking on one mux. T worker channels (one thread each) time
 * synchronous {@code control_ping} round trips for a fixed time per round; in a <em>stalled</em> round one more
 * channel ({@value #STALLED}, default buffers) keeps sending {@code control_ping}s with {@code sendRequest} and
 * never receives a reply, so its reply buffer is full and every further reply fails its request
 * ({@code ReplyOverflowException}) for the whole round; in a <em>clean</em> round that channel does not exist.
 * Stalled and clean rounds alternate on the same mux and connection (their order swapped every other round),
 * so that the machine's noise hits both. Each stalled round opens a fresh stalled channel, waits until its
 * reply buffer has overflowed before the workers start, and after them waits for its last replies and reads
 * from the mux's channel metrics how many replies it left unread and how many overflowed; then closes it.
 * Prints every round, the rounds merged, and last
 * {@code hol p99-ratio=X.XX p50-ratio=Y.YY (stalled/clean, median of R rounds)}: the median over the rounds of
 * stalled p99 / clean p99 of the same round.
 */
final class StalledChannelBench {
    static final String WORKER = "hol-worker";
    static final String STALLED = "hol-stalled";
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** A paced stalled channel that falls behind by more than this restarts its schedule instead of bursting. */
    private static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final BenchSettings s;
    private final StallSettings stall;
    private final PrintWriter out;

    StalledChannelBench(BenchSettings s, StallSettings stall, PrintWriter out) {
        this.s = s;
        this.stall = stall;
        this.out = out;
    }

    void run() throws InterruptedException {
        try (BenchTarget target = BenchTarget.open(s)) {
            MuxOptions options = MuxOptions.defaults().withCallbackThreads(s.callbackThreads());
            if (s.waitStrategy().supplier != null) {
                options = options.withWaitStrategy(s.waitStrategy().supplier);
            }
            try (JvppMux mux = JvppMux.connect(target.config(), target.newTransport(), options)) {
                List<ApiChannel> workers = new ArrayList<>();
                for (int i = 0; i < s.threads(); i++) {
                    workers.add(mux.newApiChannel(WORKER));
                }
                header(target.describe());
                for (int w = 1; w <= s.warmupRounds(); w++) {
                    round(mux, workers, true);
                    round(mux, workers, false);
                }
                List<Round> stalled = new ArrayList<>();
                List<Round> clean = new ArrayList<>();
                out.printf(Locale.ROOT, "%-6s %-8s %9s %8s %8s %8s   %s%n", "round", "kind", "rt/s", "p50 us", "p99 us",
                        "p999 us", "stalled channel: sent, unread, overflowed (while measured), send timeouts");
                for (int r = 1; r <= s.rounds(); r++) {
                    boolean stalledFirst = r % 2 == 1;
                    Round first = round(mux, workers, stalledFirst);
                    Round second = round(mux, workers, !stalledFirst);
                    Round st = stalledFirst ? first : second;
                    Round cl = stalledFirst ? second : first;
                    stalled.add(st);
                    clean.add(cl);
                    print(Integer.toString(r), first);
                    print(Integer.toString(r), second);
                    out.flush();
                }
                summary(stalled, clean);
                workers.forEach(ApiChannel::close);
            }
        }
    }

    private void header(String target) {
        out.printf(Locale.ROOT, "jvppmux bench --stalled-channel: control_ping over %s%n", target);
        out.printf(Locale.ROOT, "  %d worker channel(s) '%s', one thread each, sync round trips for %d ms per round;"
                        + " %d round(s) stalled and clean interleaved after %d warm-up pair(s); dispatcher wait %s%n",
                s.threads(), WORKER, stall.roundMillis(), s.rounds(), s.warmupRounds(), s.waitStrategy().label());
        out.printf(Locale.ROOT, "  stalled rounds add channel '%s' (request and reply buffers %d): sendRequest(control_ping)"
                        + " %s, never a reply read%n", STALLED, VppMux.DEFAULT_BUFFER_SIZE,
                stall.rate() == 0 ? "as fast as its request buffer allows" : String.format(Locale.ROOT, "%,d/s", stall.rate()));
    }

    /** One round of the workers, with the stalled channel or without. */
    private Round round(JvppMux mux, List<ApiChannel> workers, boolean withStall) throws InterruptedException {
        if (!withStall) {
            return new Round(false, runWorkers(workers), null);
        }
        ChannelMetrics before = channelMetrics(mux);
        ApiChannel ch = mux.newApiChannel(STALLED);
        Staller staller = new Staller(ch, stall.rate());
        Thread t = new Thread(staller, "jvppmux-bench-stalled");
        t.setDaemon(true);
        t.start();
        try {
            ChannelMetrics full = awaitOverflow(mux, before, staller);
            Workers w = runWorkers(workers);
            ChannelMetrics measured = channelMetrics(mux);
            staller.stop();
            t.join(s.timeout().toMillis() + 1_000);
            if (t.isAlive()) {
                throw new IllegalStateException("the stalled channel's sender did not stop");
            }
            if (staller.failure.get() != null) {
                throw new IllegalStateException("stalled channel: " + BenchCommand.oneLine(staller.failure.get()),
                        staller.failure.get());
            }
            ChannelMetrics after = awaitNoneInFlight(mux);
            Stall st = new Stall(after.requests() - before.requests(), after.replies() - before.replies(),
                    overflows(after) - overflows(before), overflows(measured) - overflows(full), staller.sendTimeouts);
            return new Round(true, w, st);
        } finally {
            staller.stop();
            ch.close();
            t.join(1_000);
        }
    }

    private ChannelMetrics channelMetrics(VppMux mux) {
        ChannelMetrics m = mux.metrics().channel(STALLED);
        return m != null ? m : new ChannelMetrics(STALLED, 0, 0, 0, 0, java.util.Map.of(), 0, 0);
    }

    private static long overflows(ChannelMetrics m) {
        return m.failures(FailureCause.REPLY_OVERFLOW);
    }

    /** Waits until the stalled channel's reply buffer has overflowed at least once since {@code before}. */
    private ChannelMetrics awaitOverflow(VppMux mux, ChannelMetrics before, Staller staller) {
        long deadline = System.nanoTime() + s.timeout().toNanos();
        while (true) {
            ChannelMetrics m = channelMetrics(mux);
            if (overflows(m) > overflows(before)) {
                return m;
            }
            if (staller.failure.get() != null) {
                throw new IllegalStateException("stalled channel: " + BenchCommand.oneLine(staller.failure.get()));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the stalled channel's reply buffer did not fill within "
                        + s.timeout().toMillis() + " ms (" + (m.replies() - before.replies()) + " unread replies)");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Waits until every request of the stalled channel has its reply (unread or overflowed) or failed. */
    private ChannelMetrics awaitNoneInFlight(VppMux mux) {
        long deadline = System.nanoTime() + s.timeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (true) {
            ChannelMetrics m = channelMetrics(mux);
            if (m.inFlight() == 0 || System.nanoTime() - deadline > 0) {
                return m;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Runs every worker for the round's time and merges their round trips. */
    private Workers runWorkers(List<ApiChannel> workers) throws InterruptedException {
        int n = workers.size();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(n);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        LatencyRecorder[] recorders = new LatencyRecorder[n];
        long[] counts = new long[n];
        long roundNanos = TimeUnit.MILLISECONDS.toNanos(stall.roundMillis());
        long[] startedAt = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            ApiChannel ch = workers.get(i);
            recorders[i] = new LatencyRecorder();
            Thread th = new Thread(() -> {
                ready.countDown();
                ControlPingReply reply = new ControlPingReply();
                try {
                    go.await();
                    long end = startedAt[0] + roundNanos;
                    long c = 0;
                    long start = System.nanoTime();
                    while (start - end < 0) {
                        ch.sendRequest(Driver.PING).receiveReply(reply);
                        long now = System.nanoTime();
                        recorders[k].record(now - start);
                        c++;
                        start = now;
                    }
                    counts[k] = c;
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "jvppmux-bench-worker-" + (i + 1));
            th.setDaemon(true);
            th.start();
            threads.add(th);
        }
        ready.await();
        long t0 = System.nanoTime();
        startedAt[0] = t0;
        go.countDown();
        long limit = roundNanos + s.timeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
        if (!done.await(limit, TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("worker channels did not finish their round");
        }
        long nanos = System.nanoTime() - t0;
        for (Thread th : threads) {
            th.join(1_000);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("worker channel: " + BenchCommand.oneLine(failure.get()), failure.get());
        }
        Histogram merged = LatencyRecorder.empty();
        for (LatencyRecorder r : recorders) {
            merged.add(r.histogram());
        }
        return new Workers(merged, Arrays.stream(counts).sum(), nanos);
    }

    private void print(String round, Round r) {
        Histogram h = r.workers.latency;
        String stallText = r.stall == null ? "-"
                : String.format(Locale.ROOT, "%,d sent, %,d unread, %,d overflowed (%,d), %d", r.stall.sent,
                r.stall.unread, r.stall.overflowed, r.stall.overflowedMeasured, r.stall.sendTimeouts);
        out.printf(Locale.ROOT, "%-6s %-8s %,9.0f %8.1f %8.1f %8.1f   %s%n", round, r.stalled ? "stalled" : "clean",
                r.workers.perSecond(), us(h, 50), us(h, 99), us(h, 99.9), stallText);
    }

    private void summary(List<Round> stalled, List<Round> clean) {
        Round allStalled = merge(stalled, true);
        Round allClean = merge(clean, false);
        print("all", allStalled);
        print("all", allClean);
        double[] p99 = new double[stalled.size()];
        double[] p50 = new double[stalled.size()];
        for (int i = 0; i < stalled.size(); i++) {
            p99[i] = ratio(stalled.get(i), clean.get(i), 99);
            p50[i] = ratio(stalled.get(i), clean.get(i), 50);
        }
        Stall st = allStalled.stall;
        out.printf(Locale.ROOT, "stalled channel over %d round(s): %,d requests sent, %,d replies left unread,"
                        + " %,d replies overflowed its reply buffer (%,d while the workers ran), %d send timeouts%n",
                stalled.size(), st.sent, st.unread, st.overflowed, st.overflowedMeasured, st.sendTimeouts);
        out.printf(Locale.ROOT, "hol p99-ratio=%.2f p50-ratio=%.2f (stalled/clean, median of %d rounds)%n",
                median(p99), median(p50), stalled.size());
    }

    private static Round merge(List<Round> rounds, boolean stalled) {
        Histogram h = LatencyRecorder.empty();
        long count = 0;
        long nanos = 0;
        long sent = 0;
        long unread = 0;
        long overflowed = 0;
        long measured = 0;
        long timeouts = 0;
        for (Round r : rounds) {
            h.add(r.workers.latency);
            count += r.workers.roundTrips;
            nanos += r.workers.nanos;
            if (r.stall != null) {
                sent += r.stall.sent;
                unread += r.stall.unread;
                overflowed += r.stall.overflowed;
                measured += r.stall.overflowedMeasured;
                timeouts += r.stall.sendTimeouts;
            }
        }
        return new Round(stalled, new Workers(h, count, nanos),
                stalled ? new Stall(sent, unread, overflowed, measured, timeouts) : null);
    }

    private static double ratio(Round stalled, Round clean, double percentile) {
        double c = clean.workers.latency.getValueAtPercentile(percentile);
        return c <= 0 ? Double.NaN : stalled.workers.latency.getValueAtPercentile(percentile) / c;
    }

    private static double median(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double us(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1_000.0;
    }

    /** The channel that sends and never reads, on its own thread. */
    private static final class Staller implements Runnable {
        private final ApiChannel channel;
        private final long periodNanos;
        private volatile boolean stopped;
        private volatile long sendTimeouts;
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Staller(ApiChannel channel, int rate) {
            this.channel = channel;
            this.periodNanos = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            long next = System.nanoTime();
            try {
                while (!stopped) {
                    if (periodNanos > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                            continue;
                        }
                        next = -wait > MAX_LAG_NANOS ? System.nanoTime() + periodNanos : next + periodNanos;
                    }
                    try {
                        channel.sendRequest(Driver.PING);           // the context is dropped: never read
                    } catch (ReplyTimeoutException e) {
                        sendTimeouts++;                              // request buffer full for the whole timeout
                    }
                }
            } catch (ChannelClosedException e) {
                // the round ended
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    /** The workers' round trips of one round. */
    private record Workers(Histogram latency, long roundTrips, long nanos) {
        double perSecond() {
            return nanos == 0 ? 0 : roundTrips * 1e9 / nanos;
        }
    }

    /**
     * What the stalled channel did in one round, from the mux's channel metrics.
     *
     * @param sent               requests written
     * @param unread             replies received into its reply buffer and never read (dropped when it closed)
     * @param overflowed         replies that found its reply buffer full (each failed its request)
     * @param overflowedMeasured of those, how many while the workers ran
     * @param sendTimeouts       sends refused after waiting the reply timeout for a request-buffer permit
     */
    private record Stall(long sent, long unread, long overflowed, long overflowedMeasured, long sendTimeouts) {
    }

    private record Round(boolean stalled, Workers workers, Stall stall) {
    }
}
