package io.jvppmux.impl.transport.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.binapi.wire.SocketFrames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The send side: one frame per lone write, concurrent writes coalesced into one gathering write. */
class FrameWriterTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Records every byte and, per gathering write, how many frames it carried; can hold the first write. */
    static final class RecordingChannel implements GatheringByteChannel {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> framesPerWrite = new ArrayList<>();
        final CountDownLatch firstWriteEntered = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        volatile int maxBytesPerCall = Integer.MAX_VALUE;
        volatile IOException failure;
        private boolean first = true;

        @Override
        public synchronized long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            if (first) {
                first = false;
                firstWriteEntered.countDown();
                try {
                    if (!releaseFirst.await(5, TimeUnit.SECONDS)) {
                        throw new IOException("test: the first write was never released");
                    }
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            int headers = 0;
            for (int i = offset; i < offset + length; i++) {
                headers += srcs[i].remaining() == SocketFrames.HEADER_SIZE && i % 2 == 0 ? 1 : 0;
            }
            framesPerWrite.add(headers);
            long n = 0;
            for (int i = offset; i < offset + length && n < maxBytesPerCall; i++) {
                while (srcs[i].hasRemaining() && n < maxBytesPerCall) {
                    bytes.write(srcs[i].get());
                    n++;
                }
            }
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs) throws IOException {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return (int) write(new ByteBuffer[] {src}, 0, 1);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    static ByteBuffer message(int tag, int length) {
        ByteBuffer b = ByteBuffer.allocateDirect(length);
        for (int i = 0; i < length; i++) {
            b.put((byte) (tag + i));
        }
        return b.flip();
    }

    /** Splits the recorded stream into messages, checking every header. */
    static List<byte[]> frames(byte[] stream) {
        ByteBuffer b = ByteBuffer.wrap(stream);
        List<byte[]> out = new ArrayList<>();
        while (b.hasRemaining()) {
            assertThat(b.getLong()).isZero();
            byte[] m = new byte[b.getInt()];
            assertThat(b.getInt()).isZero();
            b.get(m);
            out.add(m);
        }
        return out;
    }

    @Test
    void aLoneWriteGoesOutAtOnceAsOneFrameAndConsumesTheBuffer() throws Exception {
        RecordingChannel ch = new RecordingChannel();
        ch.releaseFirst.countDown();
        FrameWriter w = new FrameWriter(ch, FrameWriterTest::neverFull);
        ByteBuffer m = message(1, 10);
        w.write(m);
        assertThat(m.hasRemaining()).isFalse();
        assertThat(ch.framesPerWrite).containsExactly(1);
        assertThat(frames(ch.bytes.toByteArray())).containsExactly(toArray(message(1, 10)));
        assertThat(w.coalescedWrites()).isZero();
    }

    @Test
    void framesQueuedWhileAWriteIsInProgressGoOutTogetherInTheNextWrite() throws Exception {
        RecordingChannel ch = new RecordingChannel();
        FrameWriter w = new FrameWriter(ch, FrameWriterTest::neverFull);
        Future<?> first = pool.submit(() -> {
            w.write(message(0, 12));
            return null;
        });
        assertThat(ch.firstWriteEntered.await(5, TimeUnit.SECONDS)).isTrue();
        List<Thread> waiting = new ArrayList<>();
        List<Future<?>> others = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(3);
        for (int t = 1; t <= 3; t++) {
            int tag = t * 40;
            others.add(pool.submit(() -> {
                synchronized (waiting) {
                    waiting.add(Thread.currentThread());
                }
                started.countDown();
                w.write(message(tag, 20 + tag % 7));
                return null;
            }));
        }
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        awaitBlocked(waiting);
        ch.releaseFirst.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (Future<?> f : others) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertThat(ch.framesPerWrite).as("the lone first frame, then the three queued in one write").containsExactly(1, 3);
        assertThat(w.coalescedWrites()).isEqualTo(1);
        assertThat(w.coalescedFrames()).isEqualTo(3);
        assertThat(frames(ch.bytes.toByteArray())).hasSize(4).contains(toArray(message(0, 12)),
                toArray(message(40, 25)), toArray(message(80, 23)), toArray(message(120, 21)));
    }

    @Test
    void partialWritesAndManyWritersNeverInterleaveFramesAndKeepEachThreadsOrder() throws Exception {
        RecordingChannel ch = new RecordingChannel();
        ch.releaseFirst.countDown();
        ch.maxBytesPerCall = 7;
        FrameWriter w = new FrameWriter(ch, FrameWriterTest::neverFull);
        int threads = 6;
        int each = 300;
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    ByteBuffer m = ByteBuffer.allocateDirect(8).putInt(thread).putInt(i).flip();
                    w.write(m);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        int[] next = new int[threads];
        List<byte[]> got = frames(ch.bytes.toByteArray());
        assertThat(got).hasSize(threads * each);
        for (byte[] m : got) {
            ByteBuffer b = ByteBuffer.wrap(m);
            int thread = b.getInt();
            assertThat(b.getInt()).as("thread %d's order", thread).isEqualTo(next[thread]++);
        }
    }

    @Test
    void aFailedWriteFailsEveryFrameOfItsBatchAndTheWriterGoesOn() throws Exception {
        RecordingChannel ch = new RecordingChannel();
        ch.releaseFirst.countDown();
        ch.failure = new IOException("Broken pipe");
        FrameWriter w = new FrameWriter(ch, FrameWriterTest::neverFull);
        assertThatThrownBy(() -> w.write(message(1, 10))).isInstanceOf(IOException.class).hasMessage("Broken pipe");
        ch.failure = null;
        w.write(message(2, 10));
        assertThat(frames(ch.bytes.toByteArray())).containsExactly(toArray(message(2, 10)));
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    /** Waits (bounded) until every thread is parked: on the write lock, behind the held first write. */
    private static void awaitBlocked(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            boolean all;
            synchronized (threads) {
                all = threads.size() == 3 && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING);
            }
            if (all) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the writers did not block behind the first write");
    }

    /** The channels here are blocking or always take everything: a wait for room is a bug. */
    static void neverFull() {
        throw new AssertionError("no readiness wait expected");
    }
}
