package io.jvppmux.shim;

import io.jvppmux.api.spi.RxSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An {@link RxSink} that keeps a copy of each message and the thread that delivered it. */
class RecordingSink implements RxSink {
    record Received(byte[] bytes, Thread thread) {
        int msgId() {
            return ByteBuffer.wrap(bytes).getShort(0) & 0xffff;
        }
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final boolean direct;
    private ByteBuffer buffer;

    RecordingSink(boolean direct) {
        this.direct = direct;
    }

    @Override
    public ByteBuffer claim(int length) {
        buffer = direct ? ByteBuffer.allocateDirect(length) : ByteBuffer.allocate(length);
        return buffer;
    }

    @Override
    public void publish(int length) {
        byte[] copy = new byte[length];
        buffer.get(0, copy);
        received.add(new Received(copy, Thread.currentThread()));
    }

    @Override
    public void closed(Throwable cause) {
    }

    /** The next message, or an AssertionError after {@code timeout}. */
    Received next(Duration timeout) throws InterruptedException {
        Received r = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no message within " + timeout.toMillis() + " ms");
        }
        return r;
    }

    /** The next message whose id is {@code msgId}, skipping others. */
    Received next(int msgId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Received r = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("no message with id " + msgId + " within " + timeout.toMillis() + " ms");
            }
            if (r.msgId() == msgId) {
                return r;
            }
        }
    }

    int pending() {
        return received.size();
    }
}
