package io.jvppmux.impl.transport.socket;

import io.jvppmux.api.spi.RxSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A trivial {@link RxSink}: one heap slot, a queue of copies of what is published (empty arrays included). */
final class SinkRecorder implements RxSink {
    final LinkedBlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    volatile int largestClaim;
    private ByteBuffer slot = ByteBuffer.allocate(128);

    @Override
    public ByteBuffer claim(int length) {
        threads.add(Thread.currentThread().getName());
        largestClaim = Math.max(largestClaim, length);
        if (slot.capacity() < length) {
            slot = ByteBuffer.allocate(length);
        }
        slot.clear();
        return slot;
    }

    @Override
    public void publish(int length) {
        byte[] copy = new byte[length];
        slot.get(0, copy);
        messages.add(copy);
    }

    @Override
    public void closed(Throwable cause) {
        threads.add(Thread.currentThread().getName());
        if (!closed.complete(cause)) {
            throw new AssertionError("closed() called twice");
        }
    }

    byte[] next(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    Throwable awaitClosed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
