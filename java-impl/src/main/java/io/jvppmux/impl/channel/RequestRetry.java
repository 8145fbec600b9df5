package io.jvppmux.impl.channel;

import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppException;
import io.jvppmux.impl.core.Counters;
import io.jvppmux.impl.core.MuxCore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code retry-request-count} / {@code retry-request-timeout}: re-sends a request that failed because the
 * connection was down, as soon as it is up again but at most the timeout later, up to the count. The
 * failure is recognised by type, anywhere in the cause chain ({@link #isNotConnected}), never by identity:
 * govppmux compared {@code err == ErrNotConnected} against an error GoVPP had wrapped, so its retry never
 * fired (docs/ARCHITECTURE.md, "Lifecycle").
 */
final class RequestRetry {
    private static final Logger log = LoggerFactory.getLogger(RequestRetry.class);
    private static final int MAX_CAUSE_DEPTH = 16;

    private final MuxCore core;
    private final Counters counters;
    private final int count;
    private final long waitNanos;

    /** @param count 0 disables retries */
    RequestRetry(MuxCore core, Counters counters, int count, long waitNanos) {
        this.core = core;
        this.counters = counters;
        this.count = count;
        this.waitNanos = waitNanos;
    }

    boolean enabled() {
        return count > 0;
    }

    /** Whether {@code t} or one of its causes is a {@link NotConnectedException}. */
    static boolean isNotConnected(Throwable t) {
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof NotConnectedException) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code attempt} (given its number, 0 first) until it does not fail with NotConnectedException. */
    <T> T run(String what, IntFunction<T> attempt) {
        for (int n = 0; ; n++) {
            try {
                return attempt.apply(n);
            } catch (RuntimeException e) {
                if (n >= count || !isNotConnected(e)) {
                    throw e;
                }
                retrying(what, e, n);
                awaitConnected(what);
            }
        }
    }

    /** The asynchronous form of {@link #run}: later attempts start on the mux's callback executor. */
    <T> CompletableFuture<T> runAsync(String what, Supplier<CompletableFuture<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attemptAsync(0, what, attempt, result);
        return result;
    }

    private <T> void attemptAsync(int n, String what, Supplier<CompletableFuture<T>> attempt, CompletableFuture<T> result) {
        attempt.get().whenComplete((value, error) -> {
            Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (e == null) {
                result.complete(value);
            } else if (n < count && isNotConnected(e)) {
                retrying(what, e, n);
                afterConnected(() -> attemptAsync(n + 1, what, attempt, result), e, result);
            } else {
                result.completeExceptionally(e);
            }
        });
    }

    private void retrying(String what, Throwable e, int n) {
        counters.retries.increment();
        log.debug("{}: {}; retry {} of {} once connected", what, e.getMessage(), n + 1, count);
    }

    private void awaitConnected(String what) {
        try {
            core.whenConnected().get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still down, or the mux closed: send anyway, the attempt fails fast with the right exception
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VppException("interrupted while waiting to retry " + what, e);
        }
    }

    /** Runs {@code next} on the callback executor once connected (or closed), or after the retry timeout. */
    private void afterConnected(Runnable next, Throwable failure, CompletableFuture<?> result) {
        AtomicBoolean once = new AtomicBoolean();
        Runnable go = () -> {
            if (once.compareAndSet(false, true)) {
                core.executors().callbacks().execute(next);
            }
        };
        ScheduledFuture<?> timer;
        try {
            timer = core.executors().schedule(go, waitNanos);
        } catch (RejectedExecutionException closed) {
            result.completeExceptionally(failure);
            return;
        }
        core.whenConnected().whenComplete((up, closed) -> {
            timer.cancel(false);
            go.run();
        });
    }
}
