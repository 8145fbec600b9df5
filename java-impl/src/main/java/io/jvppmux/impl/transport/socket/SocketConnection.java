package io.jvppmux.impl.transport.socket;

import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.api.spi.VppTransport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to VPP's API socket: the channel, the registration, the writer side ({@link FrameWriter}:
 * frames of concurrent senders coalesced into one gathering write) and the read side: a {@link FrameReader} used
 * by one thread at a time ({@link ReaderRole}), either a thread that waits for its reply ({@link #awaitReplies}) or
 * the receive thread ({@link RxLoop}). A reconnect makes a new instance, so nothing of an old connection leaks into
 * the next.
 *
 * <p>After the registration the channel is non-blocking: a read never blocks a thread that would have to be
 * interrupted out of it (an interrupt in a blocking NIO read closes the socket, for every channel of the mux);
 * waits are {@link Selector} selections, which an interrupt only ends.
 */
final class SocketConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SocketConnection.class);
    private static final Consumer<SelectionKey> NO_KEYS = k -> { };
    /** How long a polite disconnect waits for VPP to answer sockclnt_delete and close. */
    static final long GOODBYE_WAIT_MS = 500;
    /** How long disconnect waits for the receive thread to end. */
    static final long JOIN_MS = 1_000;

    final Path path;
    final SocketChannel channel;
    final RxSink sink;
    final int maxMessageSize;
    final CompletableFuture<Handshake.Registration> registration = new CompletableFuture<>();
    final CountDownLatch readerDone = new CountDownLatch(1);
    /** Set once the sink was told the connection ended, or must never be (after disconnect). */
    final AtomicBoolean endReported = new AtomicBoolean();
    volatile boolean disconnecting;
    volatile boolean lost;
    /**
     * The peer closed (EOF, reset) before answering {@code sockclnt_create}: a dying VPP or a stale listener;
     * not when this side gave up waiting (a silent VPP is there).
     */
    volatile boolean closedUnanswered;
    final FrameWriter writer;
    final FrameReader frames;
    final ReaderRole role = new ReaderRole();
    /** What arrives while disconnecting (e.g. sockclnt_delete_reply) is dropped. */
    private final BooleanSupplier discarding = () -> disconnecting;
    private volatile Selector readable;
    private volatile Selector writable;
    private Thread reader;

    SocketConnection(Path path, SocketChannel channel, RxSink sink, int maxMessageSize) {
        this.path = path;
        this.channel = channel;
        this.sink = sink;
        this.maxMessageSize = maxMessageSize;
        this.writer = new FrameWriter(channel, () -> awaitReady(writable));
        this.frames = new FrameReader(channel, FrameReader.DEFAULT_CAPACITY, maxMessageSize, path.toString(),
                () -> awaitReady(readable));
    }

    /** After the handshake: the channel turns non-blocking, with a selector for reads and one for writes. */
    void goNonBlocking() throws IOException {
        channel.configureBlocking(false);
        readable = Selector.open();
        writable = Selector.open();
        channel.register(readable, SelectionKey.OP_READ);
        channel.register(writable, SelectionKey.OP_WRITE);
    }

    /** Whether the socket may still be read (not lost, not closed). */
    boolean alive() {
        return !lost && channel.isOpen();
    }

    /**
     * Reads once as the holder of the {@link #role}: delivers every whole frame received; when none came, waits up
     * to {@code timeoutNanos} (0: without limit) for the socket to become readable. An interrupt ends the wait
     * early (the flag stays set). False when the connection ended (the sink was told, unless disconnecting).
     */
    boolean readOnce(long timeoutNanos) {
        try {
            int r = frames.pump(sink, discarding);
            if (r < 0) {
                ended(new VppTransportException("VPP closed the API socket " + path));
                return false;
            }
            if (r == 0) {
                long ms = timeoutNanos <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos + 999_999));
                readable.select(NO_KEYS, ms);
            }
            return true;
        } catch (VppTransportException e) {
            ended(e);
        } catch (ClosedSelectorException | ClosedChannelException e) {
            ended(new VppTransportException("connection to VPP at " + path + " closed"));
        } catch (IOException e) {
            ended(new VppTransportException("connection to VPP at " + path + " lost: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            LOG.error("reading the socket {} failed", path, e);
            ended(new VppTransportException("reading the socket " + path + " failed: " + e, e));
        }
        return false;
    }

    /**
     * The wait of a thread that is owed a reply ({@link SocketTransport#awaitReplies}): it reads the socket itself
     * while nobody else does, else waits on {@code monitor} in line for the role (and asks the receive thread to
     * hand it over). Returns when {@code done}, at the deadline, when interrupted (the flag set), or when the
     * role changed hands; the caller checks again.
     */
    void awaitReplies(Object monitor, BooleanSupplier done, long deadlineNanos) throws InterruptedException {
        if (!alive()) {
            VppTransport.waitOn(monitor, done, deadlineNanos);
            return;
        }
        if (role.tryTake()) {
            lead(done, deadlineNanos);
            return;
        }
        ReaderRole.Waiter w = role.enlist(monitor);
        if (role.holder() == reader && !role.handoffWanted) {
            role.handoffWanted = true;
            readable.wakeup();
        }
        if (role.tryTake()) {
            role.leave(w);
            lead(done, deadlineNanos);
            return;
        }
        try {
            VppTransport.waitOn(monitor, () -> w.granted() || done.getAsBoolean(), deadlineNanos);
        } catch (InterruptedException e) {
            if (!role.leave(w)) {
                role.release();                         // handed the role meanwhile: pass it on, do not read
            }
            throw e;
        }
        if (!role.leave(w)) {
            lead(done, deadlineNanos);
        }
    }

    /** Wakes {@code waiter} if it is the one reading now, so that it sees what another thread delivered to it. */
    void wake(Thread waiter) {
        Selector s = readable;
        if (s != null && role.holder() == waiter) {
            s.wakeup();
        }
    }

    private void lead(BooleanSupplier done, long deadlineNanos) {
        try {
            Thread me = Thread.currentThread();
            while (!done.getAsBoolean() && !me.isInterrupted()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0 || !readOnce(left)) {
                    return;
                }
            }
        } finally {
            role.release();
        }
    }

    /** Waits until {@code s}'s channel is ready (inside a frame, or with a full send buffer); an interrupt waits on. */
    private static void awaitReady(Selector s) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            s.select(NO_KEYS, 100);
        } catch (ClosedSelectorException e) {
            throw new ClosedChannelException();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the receive thread, which registers and then delivers; waits for the registration. */
    Handshake.Registration open(String clientName, Duration timeout) {
        reader = new Thread(new RxLoop(this, clientName), "jvppmux-socket-rx");
        reader.setDaemon(true);
        reader.start();
        try {
            return registration.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abort();
            throw new VppTransportException("VPP at " + path + " did not answer sockclnt_create within "
                    + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            abort();
            Throwable c = e.getCause();
            throw c instanceof VppTransportException v ? v
                    : new VppTransportException("handshake with VPP at " + path + " failed: " + c, c);
        } catch (InterruptedException e) {
            abort();
            Thread.currentThread().interrupt();
            throw new VppTransportException("interrupted while connecting to VPP at " + path, e);
        }
    }

    boolean isUsable() {
        return registration.isDone() && !registration.isCompletedExceptionally() && !lost && !disconnecting
                && channel.isOpen();
    }

    /** Writes one frame whole, coalesced with whatever other threads are writing at the same moment. */
    void write(ByteBuffer message) {
        int length = message.remaining();
        try {
            writer.write(message);
        } catch (ClosedChannelException e) {
            throw new NotConnectedException("not connected to VPP at " + path + ": the socket is closed", e);
        } catch (IOException e) {
            throw new VppTransportException("writing " + length + " bytes to VPP at " + path + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** The read side ended: close the channel and tell the sink once (never after a disconnect). */
    void ended(Throwable cause) {
        lost = true;
        closeChannel();
        if (!disconnecting && endReported.compareAndSet(false, true)) {
            LOG.warn("connection to VPP at {} lost: {}", path, cause.getMessage());
            sink.closed(cause);
        }
    }

    /** Leaves politely (sockclnt_delete, a short wait for VPP to close), then closes and joins the reader. */
    void disconnect() {
        disconnecting = true;
        endReported.set(true);
        Handshake.Registration r = registration.getNow(null);
        if (r != null && !lost && channel.isOpen()) {
            try {
                write(Handshake.goodbye(r));
                if (!readerDone.await(GOODBYE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                    LOG.debug("VPP at {} did not close the socket within {} ms of sockclnt_delete", path, GOODBYE_WAIT_MS);
                }
            } catch (RuntimeException e) {
                LOG.debug("sockclnt_delete to {} failed: {}", path, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        abort();
    }

    /** Closes the channel and waits (bounded) for the receive thread to end and any other reader to stop. */
    void abort() {
        disconnecting = true;
        endReported.set(true);
        closeChannel();
        Thread t = reader;
        Thread me = Thread.currentThread();
        if (t != null && t != me) {
            try {
                t.join(JOIN_MS);
                if (t.isAlive()) {
                    LOG.warn("the socket receive thread for {} did not end within {} ms", path, JOIN_MS);
                }
            } catch (InterruptedException e) {
                me.interrupt();
            }
        }
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MS);
        Thread h;
        while ((h = role.holder()) != null && h != me && h != t && System.nanoTime() < end) {
            LockSupport.parkNanos(100_000);
        }
        if (h != null && h != me && h != t) {
            LOG.warn("thread {} still reads the closed socket {} after {} ms", h.getName(), path, JOIN_MS);
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the socket to {} failed: {}", path, e.toString());
        }
        for (Selector s : new Selector[] {readable, writable}) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException e) {
                    LOG.debug("closing a selector of {} failed: {}", path, e.toString());
                }
            }
        }
    }
}
