package io.jvppmux.mock;

import io.jvppmux.api.HeaderLayout;
import io.jvppmux.api.Message;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.binapi.wire.MessageCodec;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mock's one engine thread: every client's messages are processed here strictly in arrival order, and
 * all VPP state (table, interfaces, subscriptions, registrations) is touched only here, so no locks.
 */
final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    static final long CALL_TIMEOUT_MS = 5_000;

    final MockSettings settings;
    final Scripts scripts = new Scripts();
    final ReceivedLog log;
    final InterfaceModel interfaces;
    /** Routing, addresses and ACLs (engine thread only); new ones after a restart, as VPP starts empty. */
    RouteModel routes = new RouteModel();
    AddressModel addresses = new AddressModel();
    AclModel acls = new AclModel();
    private final ScheduledThreadPoolExecutor executor;
    private final RequestProcessor processor;
    private final Set<ClientLink> links = ConcurrentHashMap.newKeySet();
    private final Map<Integer, ClientLink> registered = new LinkedHashMap<>(); // engine thread
    private final AtomicInteger connectionNumbers = new AtomicInteger();
    private final AtomicInteger registrations = new AtomicInteger();
    private final Object clientsMonitor = new Object();
    private volatile int clientCount;
    private volatile Thread engineThread;
    private volatile MessageTable table;
    private volatile int pid;

    Engine(MockSettings settings) {
        this.settings = settings;
        this.log = new ReceivedLog(settings.logCapacity);
        this.table = MessageTable.build(settings.seed);
        this.pid = settings.pid;
        this.interfaces = new InterfaceModel(this, settings.interfaces);
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jvppmux-mock-vpp-engine");
            t.setDaemon(true);
            engineThread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.processor = new RequestProcessor(this);
    }

    MessageTable table() {
        return table;
    }

    int pid() {
        return pid;
    }

    int nextConnectionNumber() {
        return connectionNumbers.incrementAndGet();
    }

    boolean isEngineThread() {
        return Thread.currentThread() == engineThread;
    }

    /** Runs {@code task} on the engine thread and waits for it (directly when already on it). */
    <T> T call(Callable<T> task) {
        if (isEngineThread()) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new IllegalStateException("mock-vpp engine task failed: " + e, e);
            }
        }
        Future<T> f;
        try {
            f = executor.submit(task);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("mock-vpp is closed", e);
        }
        try {
            return f.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the mock-vpp engine", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new IllegalStateException("mock-vpp engine task failed", c);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the mock-vpp engine did not answer within " + CALL_TIMEOUT_MS + " ms", e);
        }
    }

    void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    void execute(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("mock-vpp engine task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("mock-vpp engine is closed; dropped a task");
        }
    }

    // ---- links ----

    void addLink(ClientLink link) {
        links.add(link);
    }

    /** Registers {@code link} as a client (engine thread) and returns its client index. */
    int register(ClientLink link) {
        int index = 0x80000000 | registrations.incrementAndGet();
        link.clientIndex(index);
        link.registered = true;
        registered.put(index, link);
        updateClientCount();
        return index;
    }

    void linkClosed(ClientLink link) {
        links.remove(link);
        execute(() -> {
            link.inbox.clear();
            if (registered.remove(link.clientIndex(), link)) {
                interfaces.forget(link);
            }
            updateClientCount();
        });
    }

    List<ClientLink> registeredLinks() {
        return new ArrayList<>(registered.values());
    }

    List<ClientLink> allLinks() {
        return new ArrayList<>(links);
    }

    private void updateClientCount() {
        synchronized (clientsMonitor) {
            clientCount = registered.size();
            clientsMonitor.notifyAll();
        }
    }

    int clientCount() {
        return clientCount;
    }

    boolean awaitClients(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (clientsMonitor) {
            while (clientCount != n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(clientsMonitor, left);
            }
            return true;
        }
    }

    // ---- receiving ----

    /**
     * Called by a link's reader (any thread): queue {@code message} for in-order processing. Like VPP, which handles
     * every message waiting on a client's connection in one pass of its main loop, the engine takes all that arrived
     * in one task: the reader queues a task only when none is queued yet, so a burst of requests costs one hand-off
     * to the engine thread, not one each.
     */
    void receive(ClientLink link, byte[] message) {
        link.arrivals.add(message);
        if (link.intakeQueued.compareAndSet(false, true)) {
            execute(() -> intake(link));
        }
    }

    /** Takes every message that arrived on {@code link} into its inbox and processes them (engine thread). */
    private void intake(ClientLink link) {
        link.intakeQueued.set(false); // before taking: a message added after this queues a task of its own
        for (byte[] m = link.arrivals.poll(); m != null; m = link.arrivals.poll()) {
            if (link.isOpen()) {
                link.inbox.add(m);
            }
        }
        if (link.isOpen()) {
            drain(link);
        }
    }

    private void drain(ClientLink link) {
        while (!link.paused && link.isOpen() && !link.inbox.isEmpty()) {
            byte[] next = link.inbox.peek();
            Duration delay = link.delayServed ? Duration.ZERO : processor.delayFor(next);
            if (!delay.isZero()) {
                link.paused = true;
                executor.schedule(() -> {
                    link.paused = false;
                    link.delayServed = true;
                    try {
                        drain(link);
                    } catch (RuntimeException e) {
                        LOG.error("mock-vpp engine task failed", e);
                    }
                }, delay.toNanos(), TimeUnit.NANOSECONDS);
                return;
            }
            link.inbox.poll();
            link.delayServed = false;
            processor.process(link, next);
        }
    }

    // ---- sending ----

    /** Encodes {@code m} with the current table's id; null (logged) when the table lacks it. */
    byte[] encode(Message m, int clientIndex, int context) {
        int id = table.id(m.descriptor());
        if (id < 0) {
            LOG.error("mock-vpp: cannot send {}: not in the message table", m.descriptor());
            return null;
        }
        ByteBuffer buf = ByteBuffer.allocate(MessageCodec.length(m));
        MessageCodec.encode(buf, m, id, clientIndex, context);
        return buf.array();
    }

    /** Sends {@code m} to {@code link}; header client_index and context as given. */
    void sendTo(ClientLink link, Message m, int clientIndex, int context) {
        byte[] bytes = encode(m, clientIndex, context);
        if (bytes != null) {
            link.send(bytes);
        }
    }

    /** Sends {@code m} to every registered client, each with its own client_index. */
    void sendToAll(Message m, int context) {
        for (ClientLink link : registered.values()) {
            sendTo(link, m, link.clientIndex(), context);
        }
    }

    // ---- faults and lifecycle ----

    /** Closes every client connection at once (engine thread or not). */
    void disconnectAll(String why) {
        for (ClientLink link : allLinks()) {
            link.closeNow(new VppTransportException("mock-vpp " + why));
        }
    }

    /** Simulates a VPP restart: every client disconnected, new table and pid, state reset. */
    void restart(long seed) {
        run(() -> {
            disconnectAll("restarted");
            for (ClientLink link : registeredLinks()) {
                registered.remove(link.clientIndex());
                interfaces.forget(link);
            }
            updateClientCount();
            table = MessageTable.build(seed);
            pid = pid + 1;
            interfaces.reset();
            routes = new RouteModel();
            addresses = new AddressModel();
            acls = new AclModel();
        });
    }

    void shutdown() {
        disconnectAll("closed");
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("mock-vpp engine thread did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ClientLink link : allLinks()) {
            link.closeNow(null);
        }
    }

    static int headerClientIndex(byte[] msg, HeaderLayout h) {
        return MessageCodec.clientIndex(ByteBuffer.wrap(msg), 0, h);
    }
}
