package io.jvppmux.mock;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection of the mock (in-process or socket). Outgoing messages go through an unbounded
 * outbox drained by the link's own sender thread, so the engine never blocks on a slow client (VPP's socket
 * side never blocks either). The fields marked "engine thread" are touched only by the engine.
 */
abstract class ClientLink {
    private static final Logger LOG = LoggerFactory.getLogger(ClientLink.class);

    private record Raw(byte[] bytes) {
    }

    private record Close(Throwable cause) {
    }

    final Engine engine;
    final int connectionNumber;
    private final LinkedBlockingQueue<Object> outbox = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int clientIndex;
    private Thread sender;
    /** Messages received and not yet taken into {@link #inbox}: the link's reader adds, the engine takes. */
    final ConcurrentLinkedQueue<byte[]> arrivals = new ConcurrentLinkedQueue<>();
    /** Whether an engine task that takes {@link #arrivals} into the inbox is queued and has not started yet. */
    final AtomicBoolean intakeQueued = new AtomicBoolean();

    // engine thread only
    final ArrayDeque<byte[]> inbox = new ArrayDeque<>();
    boolean paused;
    boolean delayServed;
    boolean registered;
    /** Asked at {@code sockclnt_create}: true refuses it (the link is closed unanswered), as a scripted failure. */
    java.util.function.BooleanSupplier refuseRegistration = () -> false;

    ClientLink(Engine engine, int connectionNumber) {
        this.engine = engine;
        this.connectionNumber = connectionNumber;
    }

    /** Starts the sender thread. */
    void startSender(String threadName) {
        sender = new Thread(this::sendLoop, threadName);
        sender.setDaemon(true);
        sender.start();
    }

    /** The client index once registered, else 0. */
    int clientIndex() {
        return clientIndex;
    }

    void clientIndex(int index) {
        this.clientIndex = index;
    }

    boolean isOpen() {
        return !closed.get();
    }

    /** Queues one encoded message (starting with its id). */
    void send(byte[] message) {
        if (!closed.get()) {
            outbox.add(message);
        }
    }

    /** Queues bytes written verbatim (socket: not framed; in-process: delivered as one message). */
    void sendRaw(byte[] bytes) {
        if (!closed.get()) {
            outbox.add(new Raw(bytes));
        }
    }

    /** Closes after everything queued so far is sent (e.g. after sockclnt_delete_reply). */
    void closeAfterFlush(Throwable cause) {
        if (closed.compareAndSet(false, true)) {
            outbox.add(new Close(cause));
            engine.linkClosed(this);
        }
    }

    /** Closes at once, discarding what is queued, as a crashing VPP would. */
    void closeNow(Throwable cause) {
        if (closed.compareAndSet(false, true)) {
            outbox.clear();
            outbox.add(new Close(cause));
            abort();
            engine.linkClosed(this);
        }
    }

    /** Waits up to {@code millis} each for the link's threads to end. */
    void joinThreads(long millis) throws InterruptedException {
        joinSender(millis);
    }

    /** Waits up to {@code millis} for the sender thread to end. */
    void joinSender(long millis) throws InterruptedException {
        Thread t = sender;
        if (t != null && t != Thread.currentThread()) {
            t.join(millis);
        }
    }

    private void sendLoop() {
        Throwable cause = null;
        try {
            while (true) {
                Object item = outbox.take();
                if (item instanceof Close c) {
                    cause = c.cause();
                    break;
                }
                if (item instanceof Raw r) {
                    writeRaw(r.bytes());
                } else {
                    writeMessage((byte[]) item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!closed.get()) {
                LOG.debug("mock-vpp: sending to {} failed: {}", this, e.toString());
            }
            cause = e;
            closeNow(e);
        } finally {
            finish(cause);
        }
    }

    /** Delivers one message (starting with its id). */
    abstract void writeMessage(byte[] message) throws IOException;

    /** Delivers raw bytes. */
    abstract void writeRaw(byte[] bytes) throws IOException;

    /** Called once on the sender thread when the link ends: close the channel / tell the sink. */
    abstract void finish(Throwable cause);

    /** Unblocks a sender or reader stuck in I/O; called by {@link #closeNow}. */
    void abort() {
    }
}
