package io.jvppmux.mock;

import io.jvppmux.api.spi.RxSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test {@link RxSink}: claims from a heap buffer, queues a copy of each published message. */
final class RecordingSink implements RxSink {
    final LinkedBlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    private ByteBuffer slot = ByteBuffer.allocate(256);

    @Override
    public ByteBuffer claim(int length) {
        threads.add(Thread.currentThread().getName());
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
        closed.complete(cause);
    }

    /** The next message, or null after {@code timeout}. */
    byte[] next(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
