package io.jvppmux.impl.transport.socket;

import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.RxSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to VPP's API socket: the channel, the registration, the writer side ({@link FrameWriter}:
 * frames of concurrent senders coalesced into one gathering write) and the receive thread ({@link RxLoop}). A reconnect makes a
 * new instance, so nothing of an old connection leaks into the next.
 */
final class SocketConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SocketConnection.class);
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
    private Thread reader;

    SocketConnection(Path path, SocketChannel channel, RxSink sink, int maxMessageSize) {
        this.path = path;
        this.channel = channel;
        this.sink = sink;
        this.maxMessageSize = maxMessageSize;
        this.writer = new FrameWriter(channel);
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

    /** The receive side ended: close the channel and tell the sink once (never after a disconnect). */
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

    /** Closes the channel and waits (bounded) for the receive thread to end. */
    void abort() {
        disconnecting = true;
        endReported.set(true);
        closeChannel();
        Thread t = reader;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(JOIN_MS);
                if (t.isAlive()) {
                    LOG.warn("the socket receive thread for {} did not end within {} ms", path, JOIN_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the socket to {} failed: {}", path, e.toString());
        }
    }
}
