package io.jvppmux.cli.bench;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ChannelMetrics;
import io.jvppmux.api.FailureCause;
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
 * channel ({@value #STALLED}, buffers of 100 unless {@code --stall-buffers}) keeps sending {@code control_ping}s with {@code sendRequest} and
 * never receives a reply, so its reply buffer is full and every further reply fails its request
 * ({@code ReplyOverflowException}) for the whole round; in a <em>clean</em> round that channel does not exist.
 * Stalled and clean rounds alternate on the same mux and connection (their order rotated every round),
 * so that the machine's noise hits both. Each stalled round opens a fresh stalled channel, waits until its
 * reply buffer has overflowed before the workers start, and after them waits for its last replies and reads
 * from the mux's channel metrics how many replies it left unread and how many overflowed; then closes it.
 * With {@link StallSettings#readingControl()} a third kind of round has instead a channel ({@value #READING})
 * that sends the same way but reads every reply (a window of its request-buffer size): the load without the
 * stall, to tell the cost of the stalled channel's traffic from the cost of its not reading.
 * Prints every round, the rounds merged, and last
 * {@code hol p99-ratio=X.XX p50-ratio=Y.YY (stalled/clean, median of R rounds)}: the median over the rounds of
 * stalled p99 / clean p99 of the same round.
 */
final class StalledChannelBench {
    static final String WORKER = "hol-worker";
    static final String STALLED = "hol-stalled";
    static final String READING = "hol-reading";
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

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
            MuxOptions options = MuxOptions.defaults().withCallbackThreads(s.callbackThreads())
                .withCallerReads(s.callerReads());
            if (s.waitStrategy().supplier != null) {
                options = options.withWaitStrategy(s.waitStrategy().supplier);
            }
            try (JvppMux mux = JvppMux.connect(target.config(), target.newTransport(), options)) {
                List<ApiChannel> workers = new ArrayList<>();
                for (int i = 0; i < s.threads(); i++) {
                    workers.add(mux.newApiChannel(WORKER));
                }
                header(target.describe());
                List<Kind> kinds = stall.readingControl() ? List.of(Kind.STALLED, Kind.CLEAN, Kind.READING)
                        : List.of(Kind.STALLED, Kind.CLEAN);
                for (int w = 1; w <= s.warmupRounds(); w++) {
                    for (Kind k : kinds) {
                        round(mux, workers, k);
                    }
                }
                java.util.Map<Kind, List<Round>> rounds = new java.util.EnumMap<>(Kind.class);
                kinds.forEach(k -> rounds.put(k, new ArrayList<>()));
                out.printf(Locale.ROOT, "%-6s %-8s %9s %8s %8s %8s   %s%n", "round", "kind", "rt/s", "p50 us", "p99 us",
                        "p999 us", "extra channel: sent, unread, overflowed (while measured), send timeouts");
                for (int r = 1; r <= s.rounds(); r++) {
                    List<Kind> order = new ArrayList<>(kinds);
                    java.util.Collections.rotate(order, -((r - 1) % kinds.size()));
                    for (Kind k : order) {
                        Round one = round(mux, workers, k);
                        rounds.get(k).add(one);
                        print(Integer.toString(r), one);
                    }
                    out.flush();
                }
                summary(rounds);
                workers.forEach(ApiChannel::close);
            }
        }
    }

    private void header(String target) {
        out.printf(Locale.ROOT, "jvppmux bench --stalled-channel: control_ping over %s%n", target);
        out.printf(Locale.ROOT, "  %d worker channel(s) '%s', one thread each, sync round trips for %d ms per round;"
                        + " %d round(s) of each kind (stalled, clean%s), interleaved, after %d warm-up round(s) of each;"
                        + " dispatcher wait %s%n", s.threads(), WORKER, stall.roundMillis(), s.rounds(),
                stall.readingControl() ? ", reading" : "", s.warmupRounds(), s.waitStrategy().label());
        out.printf(Locale.ROOT, "  stalled rounds add channel '%s' (request and reply buffers %d): sendRequest(control_ping)"
                        + " %s, never a reply read%s%n", STALLED, stall.buffers(),
                stall.rate() == 0 ? "as fast as its request buffer allows" : String.format(Locale.ROOT, "%,d/s", stall.rate()),
                stall.readingControl() ? "; reading rounds add channel '" + READING + "' sending the same way and reading"
                        + " every reply" : "");
    }

    /** One round of the workers, alone or with the stalled channel or the reading one. */
    private Round round(JvppMux mux, List<ApiChannel> workers, Kind kind) throws InterruptedException {
        if (kind == Kind.CLEAN) {
            return new Round(kind, runWorkers(workers), null);
        }
        String name = kind == Kind.STALLED ? STALLED : READING;
        ChannelMetrics before = channelMetrics(mux, name);
        ApiChannel ch = mux.newApiChannelBuffered(name, stall.buffers(), stall.buffers());
        ExtraChannelSender sender = new ExtraChannelSender(ch, stall.rate(), kind == Kind.READING ? stall.buffers() : 0);
        Thread t = new Thread(sender, "jvppmux-bench-" + kind.label());
        t.setDaemon(true);
        t.start();
        try {
            ChannelMetrics start = kind == Kind.STALLED ? awaitOverflow(mux, before, sender) : awaitSent(mux, before, sender);
            Workers w = runWorkers(workers);
            ChannelMetrics measured = channelMetrics(mux, name);
            sender.stop();
            t.join(s.timeout().toMillis() + 1_000);
            if (t.isAlive()) {
                throw new IllegalStateException("the " + kind.label() + " channel's sender did not stop");
            }
            if (sender.failure.get() != null) {
                throw new IllegalStateException(kind.label() + " channel: " + BenchCommand.oneLine(sender.failure.get()),
                        sender.failure.get());
            }
            ChannelMetrics after = awaitNoneInFlight(mux, name);
            Stall st = new Stall(after.requests() - before.requests(), after.replies() - before.replies() - sender.read,
                    overflows(after) - overflows(before), overflows(measured) - overflows(start), sender.sendTimeouts);
            return new Round(kind, w, st);
        } finally {
            sender.stop();
            ch.close();
            t.join(1_000);
        }
    }

    private static ChannelMetrics channelMetrics(VppMux mux, String name) {
        ChannelMetrics m = mux.metrics().channel(name);
        return m != null ? m : new ChannelMetrics(name, 0, 0, 0, 0, java.util.Map.of(), 0, 0);
    }

    private static long overflows(ChannelMetrics m) {
        return m.failures(FailureCause.REPLY_OVERFLOW);
    }

    /** Waits until the stalled channel's reply buffer has overflowed at least once since {@code before}. */
    private ChannelMetrics awaitOverflow(VppMux mux, ChannelMetrics before, ExtraChannelSender staller) {
        long deadline = System.nanoTime() + s.timeout().toNanos();
        while (true) {
            ChannelMetrics m = channelMetrics(mux, STALLED);
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

    /** Waits until the reading channel has sent as many requests as the stalled one needs to fill its buffer. */
    private ChannelMetrics awaitSent(VppMux mux, ChannelMetrics before, ExtraChannelSender reader) {
        long deadline = System.nanoTime() + s.timeout().toNanos();
        while (true) {
            ChannelMetrics m = channelMetrics(mux, READING);
            if (m.requests() - before.requests() > stall.buffers()) {
                return m;
            }
            if (reader.failure.get() != null) {
                throw new IllegalStateException("reading channel: " + BenchCommand.oneLine(reader.failure.get()));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the reading channel did not send " + stall.buffers()
                        + " requests within " + s.timeout().toMillis() + " ms");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Waits until every request of channel {@code name} has its reply (read, unread or overflowed) or failed. */
    private ChannelMetrics awaitNoneInFlight(VppMux mux, String name) {
        long deadline = System.nanoTime() + s.timeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (true) {
            ChannelMetrics m = channelMetrics(mux, name);
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
        out.printf(Locale.ROOT, "%-6s %-8s %,9.0f %8.1f %8.1f %8.1f   %s%n", round, r.kind.label(),
                r.workers.perSecond(), us(h, 50), us(h, 99), us(h, 99.9), stallText);
    }

    private void summary(java.util.Map<Kind, List<Round>> rounds) {
        rounds.forEach((k, list) -> print("all", merge(list, k)));
        List<Round> stalled = rounds.get(Kind.STALLED);
        List<Round> clean = rounds.get(Kind.CLEAN);
        Stall st = merge(stalled, Kind.STALLED).stall;
        out.printf(Locale.ROOT, "stalled channel over %d round(s): %,d requests sent, %,d replies left unread,"
                        + " %,d replies overflowed its reply buffer (%,d while the workers ran), %d send timeouts%n",
                stalled.size(), st.sent, st.unread, st.overflowed, st.overflowedMeasured, st.sendTimeouts);
        List<Round> reading = rounds.get(Kind.READING);
        if (reading != null) {
            Stall rd = merge(reading, Kind.READING).stall;
            out.printf(Locale.ROOT, "reading channel over %d round(s): %,d requests sent, every reply read%n",
                    reading.size(), rd.sent);
            out.printf(Locale.ROOT, "load p99-ratio=%.2f p50-ratio=%.2f (reading/clean, median of %d rounds)%n",
                    medianRatio(reading, clean, 99), medianRatio(reading, clean, 50), reading.size());
            out.printf(Locale.ROOT, "stall p99-ratio=%.2f p50-ratio=%.2f (stalled/reading, median of %d rounds)%n",
                    medianRatio(stalled, reading, 99), medianRatio(stalled, reading, 50), reading.size());
        }
        out.printf(Locale.ROOT, "hol p99-ratio=%.2f p50-ratio=%.2f (stalled/clean, median of %d rounds)%n",
                medianRatio(stalled, clean, 99), medianRatio(stalled, clean, 50), stalled.size());
    }

    /** The median over the rounds of {@code a}'s percentile over {@code b}'s in the same round. */
    private static double medianRatio(List<Round> a, List<Round> b, double percentile) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ratio(a.get(i), b.get(i), percentile);
        }
        return median(v);
    }

    private static Round merge(List<Round> rounds, Kind kind) {
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
        return new Round(kind, new Workers(h, count, nanos),
                kind == Kind.CLEAN ? null : new Stall(sent, unread, overflowed, measured, timeouts));
    }

    private static double ratio(Round a, Round b, double percentile) {
        double c = b.workers.latency.getValueAtPercentile(percentile);
        return c <= 0 ? Double.NaN : a.workers.latency.getValueAtPercentile(percentile) / c;
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

    private record Round(Kind kind, Workers workers, Stall stall) {
    }

    /** Which extra channel a round has: the stalled one, none, or the reading one. */
    private enum Kind {
        STALLED, CLEAN, READING;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
