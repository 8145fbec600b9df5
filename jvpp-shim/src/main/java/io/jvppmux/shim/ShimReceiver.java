package io.jvppmux.shim;

import io.jvppmux.api.spi.RxSink;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive side's bridge from C to an {@link RxSink}: the shim calls {@link #claim} and
 * {@link #publish} (their ids are cached once, in {@code JNI_OnLoad}) on the one receive thread, and
 * copies each message in between straight into the sink's buffer. A sink that hands out heap buffers
 * gets its copy through a direct scratch buffer. Never throws into C: a failure is counted and logged
 * and the message dropped. After {@link #close()} messages are dropped without reaching the sink.
 */
public final class ShimReceiver {
    /** The name of the native rx thread in callback mode. keep in sync with jvpp-shim/src/main/c/shim.h */
    public static final String RX_THREAD_NAME = "jvppmux-shm-rx";

    private static final Logger LOG = LoggerFactory.getLogger(ShimReceiver.class);

    private final RxSink sink;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean open = true;
    private volatile Thread rxThread;
    private ByteBuffer scratch = ByteBuffer.allocateDirect(0);
    private ByteBuffer heapTarget;

    /** @param sink where messages go */
    public ShimReceiver(RxSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Called by the shim: a buffer of at least {@code length} bytes to copy into, or null to drop. */
    ByteBuffer claim(int length) {
        if (rxThread != Thread.currentThread()) {
            rxThread = Thread.currentThread();
        }
        if (!open) {
            dropped.incrementAndGet();
            return null;
        }
        try {
            ByteBuffer b = sink.claim(length);
            if (b == null || b.isDirect()) {
                return b;
            }
            heapTarget = b;
            if (scratch.capacity() < length) {
                scratch = ByteBuffer.allocateDirect(length);
            }
            return scratch;
        } catch (RuntimeException | Error e) {
            dropped.incrementAndGet();
            LOG.warn("dropped a {}-byte message from VPP: {}", length, e.toString());
            return null;
        }
    }

    /**
     * Called by the shim after the copy: {@code length} bytes copied, 0 when the copy failed. Counted before
     * the sink sees it, so that whoever the sink wakes reads counters that include this message.
     */
    void publish(int length) {
        AtomicLong counter = length > 0 ? delivered : dropped;
        counter.incrementAndGet();
        try {
            ByteBuffer target = heapTarget;
            if (target != null) {
                heapTarget = null;
                target.put(0, scratch, 0, length);
            }
            sink.publish(length);
        } catch (RuntimeException | Error e) {
            if (counter == delivered) {
                delivered.decrementAndGet();
                dropped.incrementAndGet();
            }
            LOG.warn("publishing a {}-byte message from VPP failed: {}", length, e.toString());
        }
    }

    /** Drops every later message instead of handing it to the sink. Idempotent. */
    public void close() {
        open = false;
    }

    /** Whether {@link #close()} has not been called. */
    public boolean isOpen() {
        return open;
    }

    /** Whether {@code t} is the thread that delivers messages (known after the first message). */
    public boolean isReceiveThread(Thread t) {
        return t == rxThread;
    }

    /** The thread that delivered the latest message, or null before the first. */
    public Thread receiveThread() {
        return rxThread;
    }

    /** Messages handed to the sink. */
    public long delivered() {
        return delivered.get();
    }

    /** Messages dropped: after close, refused by the sink, or a failed copy. */
    public long dropped() {
        return dropped.get();
    }

    /** The sink, for the transport's end-of-connection notice. */
    public RxSink sink() {
        return sink;
    }
}
