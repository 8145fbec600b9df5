package io.jvppmux.mock;

import io.jvppmux.api.spi.RxSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test {@link RxSink} for transport tests: one heap slot, a queue of copies of what is published (empty
 * arrays included), the threads that called it, and how the connection ended.
 */
public final class RecordingSink implements RxSink {
    /** Copies of every published message, in order. */
    public final LinkedBlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
    /** Completed with the cause of the first {@link #closed(Throwable)}. */
    public final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    /** Names of the threads that claimed or closed. */
    public final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger closedCalls = new AtomicInteger();
    private volatile int largestClaim;
    private ByteBuffer slot = ByteBuffer.allocate(256);

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
        closedCalls.incrementAndGet();
        closed.complete(cause);
    }

    /** The next message, or null after {@code timeout}. */
    public byte[] next(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The cause the connection ended with, waiting at most {@code timeout}. */
    public Throwable awaitClosed(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many times {@link #closed(Throwable)} was called (the SPI says at most once per connect). */
    public int closedCalls() {
        return closedCalls.get();
    }

    /** The largest length ever claimed. */
    public int largestClaim() {
        return largestClaim;
    }
}
