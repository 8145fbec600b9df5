package io.jvppmux.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends a long-running command on Ctrl-C (SIGINT, SIGTERM): a shutdown hook raises the signal and gives the
 * command up to 2 s to clean up (disable events, close the connection) before the JVM exits. Close it when the
 * command ends on its own, which removes the hook.
 */
final class StopSignal implements AutoCloseable {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "jvppmux-stop");

    StopSignal() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether Ctrl-C was pressed. */
    boolean raised() {
        return stop.getCount() == 0;
    }

    /** Waits up to {@code timeout} (null: for ever) for Ctrl-C; true when it came. */
    boolean await(Duration timeout) throws InterruptedException {
        if (timeout == null) {
            stop.await();
            return true;
        }
        return stop.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down (Ctrl-C): the hook is running, nothing to remove
        }
    }

    private void onShutdown() {
        stop.countDown();
        try {
            done.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
