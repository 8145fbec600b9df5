package io.jvppmux.impl.transport.shm;

import io.jvppmux.api.NotConnectedException;
import io.jvppmux.shim.JvppShim;
import io.jvppmux.shim.ShimReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link io.jvppmux.shim.RxMode#READ}: daemon thread {@code jvppmux-shm-rx} looping on {@code vac_read} with
 * its shortest timeout (1 s, whole seconds: docs/PROTOCOL.md 2.6), so that stopping takes at most about a second.
 * A failure other than a timeout ends the loop and tells the sink the connection is gone.
 */
final class ShmReader {
    private static final Logger LOG = LoggerFactory.getLogger(ShmReader.class);
    private static final int TIMEOUT_SECONDS = 1;

    private final ShimReceiver receiver;
    private final Thread thread;
    private volatile boolean running = true;

    private ShmReader(ShimReceiver receiver) {
        this.receiver = receiver;
        this.thread = new Thread(this::loop, ShimReceiver.RX_THREAD_NAME);
        thread.setDaemon(true);
    }

    static ShmReader start(ShimReceiver receiver) {
        ShmReader r = new ShmReader(receiver);
        r.thread.start();
        return r;
    }

    private void loop() {
        try {
            while (running) {
                JvppShim.read(receiver, TIMEOUT_SECONDS);
            }
        } catch (NotConnectedException e) {
            LOG.debug("vac_read: not connected any more");
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("vac_read failed, the shared-memory connection is gone: {}", e.getMessage());
                receiver.sink().closed(e);
            }
        }
    }

    /** Stops the loop; waits for it (up to twice the read timeout) unless called on the reader itself. */
    void stop(boolean onReaderThread) {
        running = false;
        if (onReaderThread || Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(2000L * TIMEOUT_SECONDS + 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("{} still in vac_read after {} s", thread.getName(), 2 * TIMEOUT_SECONDS);
        }
    }
}
