package io.jvppmux.impl.transport.socket;

import io.jvppmux.binapi.wire.SocketFrames;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes frames (16-byte header, message) and coalesces the writes of concurrent senders: each sender
 * queues its frame, then takes the write lock; whoever holds it writes every frame queued so far in one
 * gathering {@code writev} (up to {@link #MAX_BATCH} frames per call), so a sender that finds its frame
 * already written just returns. A lone sender writes its own frame at once: nothing ever waits for
 * company. Each {@link #write} returns once its frame is written whole (or failed), never interleaved with
 * another, and frames of one thread go out in the order it wrote them. On a non-blocking channel a full send
 * buffer (VPP not reading) is waited out through {@link IoWait}, under the lock.
 *
 * <p>No allocation per write: each thread reuses its own queue node and direct header buffer.
 */
final class FrameWriter {
    /** Frames per gathering write; two buffers each, well below the kernel's IOV_MAX of 1024. */
    static final int MAX_BATCH = 64;
    private static final ThreadLocal<Frame> FRAMES = ThreadLocal.withInitial(Frame::new);

    private final GatheringByteChannel channel;
    private final IoWait writable;
    private final ReentrantLock lock = new ReentrantLock();
    /** Frames queued and not yet taken by a writer: a stack, newest first. */
    private final AtomicReference<Frame> queued = new AtomicReference<>();
    private final ByteBuffer[] iov = new ByteBuffer[2 * MAX_BATCH];
    private final Frame[] batch = new Frame[MAX_BATCH];
    /** Guarded by the lock: how many gathering writes carried more than one frame, and how many frames. */
    private long coalescedWrites;
    private long coalescedFrames;

    /** @param writable waits while a non-blocking channel's send buffer is full (never called for a blocking one) */
    FrameWriter(GatheringByteChannel channel, IoWait writable) {
        this.channel = channel;
        this.writable = writable;
    }

    /**
     * Writes {@code message} (position to limit) as one frame; the buffer's position ends at its limit.
     *
     * @throws IOException when the socket write failed (this frame, or the batch it went out in)
     */
    void write(ByteBuffer message) throws IOException {
        Frame mine = FRAMES.get();
        mine.prepare(message);
        Frame head;
        do {
            head = queued.get();
            mine.next = head;
        } while (!queued.compareAndSet(head, mine));
        lock.lock();
        try {
            if (!mine.done) {
                writeQueued();
            }
        } finally {
            lock.unlock();
        }
        IOException failure = mine.failure;
        mine.reset();
        if (failure != null) {
            throw failure;
        }
    }

    /** Under the lock: takes every queued frame, oldest first, and writes them in batches. */
    private void writeQueued() {
        Frame oldest = reverse(queued.getAndSet(null));
        while (oldest != null) {
            int n = 0;
            for (Frame f = oldest; f != null && n < MAX_BATCH; f = f.next) {
                batch[n] = f;
                iov[2 * n] = f.header;
                iov[2 * n + 1] = f.message;
                n++;
            }
            oldest = batch[n - 1].next;
            IOException failure = writeAll(n);
            if (n > 1) {
                coalescedWrites++;
                coalescedFrames += n;
            }
            for (int i = 0; i < n; i++) {
                batch[i].finish(failure);
                batch[i] = null;
                iov[2 * i] = null;
                iov[2 * i + 1] = null;
            }
        }
    }

    private IOException writeAll(int frames) {
        int first = 0;
        int count = 2 * frames;
        try {
            while (first < count) {
                if (channel.write(iov, first, count - first) == 0) {
                    writable.await();
                }
                while (first < count && !iov[first].hasRemaining()) {
                    first++;
                }
            }
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private static Frame reverse(Frame newestFirst) {
        Frame oldestFirst = null;
        for (Frame f = newestFirst; f != null; ) {
            Frame next = f.next;
            f.next = oldestFirst;
            oldestFirst = f;
            f = next;
        }
        return oldestFirst;
    }

    /** Gathering writes that carried more than one frame (for tests and diagnostics). */
    long coalescedWrites() {
        lock.lock();
        try {
            return coalescedWrites;
        } finally {
            lock.unlock();
        }
    }

    /** Frames those writes carried. */
    long coalescedFrames() {
        lock.lock();
        try {
            return coalescedFrames;
        } finally {
            lock.unlock();
        }
    }

    /** One thread's frame in the queue; its fields are handed over through the lock. */
    private static final class Frame {
        final ByteBuffer header = ByteBuffer.allocateDirect(SocketFrames.HEADER_SIZE);
        ByteBuffer message;
        Frame next;
        boolean done;
        IOException failure;

        void prepare(ByteBuffer m) {
            header.clear();
            SocketFrames.putHeader(header, m.remaining());
            header.flip();
            message = m;
            done = false;
            failure = null;
        }

        void finish(IOException e) {
            failure = e;
            next = null;
            done = true;
        }

        void reset() {
            message = null;
            failure = null;
        }
    }
}
