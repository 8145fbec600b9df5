package io.jvppmux.mock;

import io.jvppmux.api.spi.RxSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one test {@link RxSink} of the project's transport and shim tests: one reused slot, heap
 * ({@link #heap()}) or direct like the mux's ring ({@link #direct()}); a queue of copies of what is published
 * (empty messages included) with the thread that published each; the threads that called it; and how the
 * connection ended. Subclass it to make {@link #claim} misbehave.
 */
public class RecordingSink implements RxSink {
    /** One published message and the thread that published it. */
    public record Received(byte[] bytes, Thread thread) {
        /** The message id: the first two bytes, big-endian. */
        public int msgId() {
            return ByteBuffer.wrap(bytes).getShort(0) & 0xffff;
        }

        /** The context of a reply (id u16, context u32: bytes 2 to 5). */
        public int replyContext() {
            return ByteBuffer.wrap(bytes).getInt(2);
        }
    }

    /** Completed with the cause of the first {@link #closed(Throwable)}. */
    public final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    /** Names of the threads that claimed or closed. */
    public final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger closedCalls = new AtomicInteger();
    private final boolean direct;
    private volatile Consumer<Received> onMessage = r -> { };
    private volatile int largestClaim;
    private ByteBuffer slot;

    /** A sink whose slot is a heap buffer (transports must serve those too). */
    public RecordingSink() {
        this(false);
    }

    /** @param direct whether the slot is a direct buffer, as the mux's ring slots are */
    protected RecordingSink(boolean direct) {
        this.direct = direct;
        this.slot = allocate(256);
    }

    /** A sink with a heap slot. */
    public static RecordingSink heap() {
        return new RecordingSink(false);
    }

    /** A sink with a direct slot, like the mux's ring. */
    public static RecordingSink direct() {
        return new RecordingSink(true);
    }

    @Override
    public ByteBuffer claim(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("claim of a negative length: " + length);
        }
        threads.add(Thread.currentThread().getName());
        largestClaim = Math.max(largestClaim, length);
        if (slot.capacity() < length) {
            slot = allocate(length);
        }
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
        threads.add(Thread.currentThread().getName());
        closedCalls.incrementAndGet();
        closed.complete(cause);
    }

    /** Runs {@code action} on the publishing thread after each message is queued. */
    public void onMessage(Consumer<Received> action) {
        onMessage = action;
    }

    /** The next message; an {@link AssertionError} when none came within {@code timeout}. */
    public Received next(Duration timeout) throws InterruptedException {
        Received r = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no message within " + timeout.toMillis() + " ms");
        }
        return r;
    }

    /** The next message whose id is {@code msgId}, skipping (and dropping) others before it. */
    public Received next(int msgId, Duration timeout) throws InterruptedException {
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

    /** The bytes of the messages not yet taken by {@code next}, in order. */
    public List<byte[]> messages() {
        return received.stream().map(Received::bytes).toList();
    }

    /** How many messages are not yet taken by {@code next}. */
    public int pending() {
        return received.size();
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

    private ByteBuffer allocate(int capacity) {
        return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }
}
