package io.jvppmux.impl.transport.shm;

import io.jvppmux.api.spi.RxSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** An {@link RxSink} with direct slots, like the mux's ring, keeping a copy of each message and its thread. */
class RecordingSink implements RxSink {
    record Received(byte[] bytes, Thread thread) {
        int msgId() {
            return ByteBuffer.wrap(bytes).getShort(0) & 0xffff;
        }

        int replyContext() {
            return ByteBuffer.wrap(bytes).getInt(2);
        }
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ByteBuffer slot = ByteBuffer.allocateDirect(1 << 16);
    private volatile Consumer<Received> onMessage = r -> { };

    @Override
    public ByteBuffer claim(int length) {
        return slot.clear().limit(length);
    }

    @Override
    public void publish(int length) {
        byte[] copy = new byte[length];
        slot.get(0, copy);
        Received r = new Received(copy, Thread.currentThread());
        received.add(r);
        onMessage.accept(r);
    }

    @Override
    public void closed(Throwable cause) {
    }

    void onMessage(Consumer<Received> action) {
        onMessage = action;
    }

    Received next(Duration timeout) throws InterruptedException {
        Received r = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no message within " + timeout.toMillis() + " ms");
        }
        return r;
    }
}
