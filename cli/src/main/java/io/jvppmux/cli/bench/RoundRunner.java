package io.jvppmux.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Runs one round: starts the caller threads ({@code jvppmux-bench-caller-N}), releases them together,
 * waits for all (bounded; a caller's failure ends the round with it), and collects time, round trips and
 * allocation.
 */
final class RoundRunner {
    /** Bound on one round; each wait inside is bounded by the reply timeout as well. */
    private static final long ROUND_LIMIT_SECONDS = 600;
    /** How often the main thread looks for a failed caller while the round runs. */
    private static final long POLL_MILLIS = 200;

    private final int threads;
    private final AllocationMeter meter;
    private final Progress progress;

    RoundRunner(int threads, AllocationMeter meter, Progress progress) {
        this.threads = threads;
        this.meter = meter;
        this.progress = progress;
    }

    RoundResult run(Driver driver, Mode mode, int requests, String label) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong callerBytes = new AtomicLong();
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> started = new ArrayList<>();
        Progress.Counter counter = progress.start(label, requests);
        for (int t = 0; t < threads; t++) {
            int n = requests / threads + (t < requests % threads ? 1 : 0);
            Driver.Caller caller = driver.caller(t, threads);
            LatencyRecorder rec = new LatencyRecorder();
            recorders.add(rec);
            Thread th = new Thread(() -> {
                ready.countDown();
                try {
                    if (go.await(ROUND_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                        long before = meter.currentThread();
                        caller.run(mode, n, rec, counter);
                        callerBytes.addAndGet(meter.currentThread() - before);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "jvppmux-bench-caller-" + (t + 1));
            th.setDaemon(true);
            th.start();
            started.add(th);
        }
        try {
            if (!ready.await(ROUND_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("caller threads did not start");
            }
            AllocationMeter.Snapshot others = meter.clientSnapshot();
            long cpuBefore = AllocationMeter.processCpuNanos();
            long start = System.nanoTime();
            go.countDown();
            long limit = start + TimeUnit.SECONDS.toNanos(ROUND_LIMIT_SECONDS);
            while (!done.await(POLL_MILLIS, TimeUnit.MILLISECONDS) && failure.get() == null) {
                if (System.nanoTime() - limit > 0) {
                    throw new IllegalStateException(label + ": not finished within " + ROUND_LIMIT_SECONDS + " s");
                }
            }
            long nanos = System.nanoTime() - start;
            long cpuAfter = AllocationMeter.processCpuNanos();
            long otherBytes = meter.since(others);
            if (failure.get() != null) {
                throw new IllegalStateException(label + ": " + BenchCommand.oneLine(rootOf(failure.get())), failure.get());
            }
            Histogram merged = LatencyRecorder.empty();
            if (mode == Mode.SYNC) {
                recorders.forEach(r -> merged.add(r.histogram()));
            }
            boolean measurable = driver.inProcess() && meter.supported();
            long caller = measurable ? callerBytes.get() : -1;
            long cpu = !driver.inProcess() || cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
            return new RoundResult(requests, nanos, merged, caller, measurable ? caller + otherBytes : -1, cpu);
        } finally {
            progress.stop();
            go.countDown();
            for (Thread th : started) {
                th.join(1_000);
            }
        }
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof java.util.concurrent.ExecutionException || t.getMessage() == null)) {
            t = t.getCause();
        }
        return t;
    }
}
