package io.jvppmux.mock;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.binapi.memclnt.MemclntKeepalive;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A pure-Java fake VPP: one engine with two faces, an in-process {@link io.jvppmux.api.spi.VppTransport}
 * ({@link #newTransport()}) and a server on a UNIX domain socket speaking VPP's framing
 * ({@link #startSocketServer(Path)}). Both faces share the engine: its message table (memclnt ids 1..28,
 * every other bundled message from 29 on), its interface table, its subscriptions and its scripts.
 *
 * <p>The engine processes each client's messages strictly in order on its own thread and checks them as VPP
 * does: an unknown id, a wrong client_index in a request-shaped header or a truncated message is logged and
 * gets no reply. Built in: {@code control_ping}, {@code show_version}, {@code cli_inband},
 * {@code sw_interface_dump}, {@code create_loopback}, {@code delete_loopback}, {@code sw_interface_set_flags},
 * {@code want_interface_events} (+ {@code sw_interface_event}), the cursor stream
 * {@code sw_interface_tx_placement_get} (first answer yields with retval -165), {@code sockclnt_create} /
 * {@code sockclnt_delete}. Any other request gets no reply unless scripted.
 *
 * <pre>{@code
 * try (MockVpp vpp = MockVpp.start()) {
 *     VppTransport t = vpp.newTransport();                                  // or vpp.startSocketServer(path)
 *     vpp.on(ShowVersion.DESCRIPTOR).reply(new ShowVersionReply().retval(-3)); // next show_version only
 *     vpp.on(ControlPing.DESCRIPTOR).silenceNext(2);                          // two missed health checks
 *     vpp.setInterfaceState(0, true, true);                                  // + sw_interface_event
 *     vpp.restart();                                                         // new ids, new pid, clients dropped
 *     vpp.awaitReceived(ShowVersion.DESCRIPTOR, Duration.ofSeconds(1));
 * }
 * }</pre>
 * Thread-safe. {@link #close()} stops every thread.
 */
public final class MockVpp implements AutoCloseable {
    private final MockSettings settings;
    private final Engine engine;
    private final AtomicInteger connectFailures = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<MockSocketServer> servers = new CopyOnWriteArrayList<>();
    private volatile long seed;

    MockVpp(MockSettings settings) {
        this.settings = settings;
        this.seed = settings.seed;
        this.engine = new Engine(settings);
    }

    /** A mock with the defaults: table seed 0, pid 4242, version {@code 26.06-mock}, only {@code local0}. */
    public static MockVpp start() {
        return builder().start();
    }

    /** A builder for a configured mock. */
    public static MockVppBuilder builder() {
        return new MockVppBuilder();
    }

    // ------------------------------------------------------------------ faces

    /** A new in-process transport; each one is one client of this mock once connected. */
    public MockTransport newTransport() {
        return new MockTransport(this);
    }

    /**
     * Starts listening on {@code path} (an existing file there is replaced). Keep paths short: UNIX socket
     * paths are limited to 107 bytes.
     */
    public MockSocketServer startSocketServer(Path path) {
        Objects.requireNonNull(path, "path");
        checkOpen();
        MockSocketServer s = new MockSocketServer(this, path);
        servers.add(s);
        return s;
    }

    // ------------------------------------------------------------------ identity

    /** The current message table (replaced by {@link #restart()}). */
    public MessageTable table() {
        return engine.table();
    }

    /** The current id of a message type, or -1. */
    public int messageId(MessageDescriptor<?> d) {
        return engine.table().id(d);
    }

    /** The {@code vpe_pid} {@code control_ping_reply} carries (changes on {@link #restart()}). */
    public int pid() {
        return engine.pid();
    }

    // ------------------------------------------------------------------ scripting

    /** The script of request type {@code d}: queued replies, a responder, silence, delay. */
    public RequestScript on(MessageDescriptor<? extends Message> d) {
        return engine.scripts.forType(d);
    }

    /**
     * The script of the request called {@code name} (VPP name without CRC, e.g. {@code show_version}).
     *
     * @throws IllegalArgumentException when the bundled API set has no such message
     */
    public RequestScript on(String name) {
        MessageDescriptor<? extends Message> d = Catalog.get().byName(Objects.requireNonNull(name, "name"));
        if (d == null) {
            throw new IllegalArgumentException("no message called '" + name + "' in the bundled API set");
        }
        return on(d);
    }

    /** Swallows every request of every type while on (a wedged VPP: alive, never answering). */
    public void silenceAll(boolean on) {
        engine.scripts.silenceAll(on);
    }

    /** Holds every request for {@code d} before processing it (a per-type {@link RequestScript#delay} wins). */
    public void delayAll(Duration d) {
        engine.scripts.delayAll(d);
    }

    /** Forgets every script, the global silence and the global delay. */
    public void resetScripts() {
        engine.scripts.resetAll();
    }

    // ------------------------------------------------------------------ events and unsolicited messages

    /**
     * Sends {@code event} to every connected client, with each client's own client_index where the header
     * has one and context 0 where it has a context.
     */
    public void emitEvent(Message event) {
        Objects.requireNonNull(event, "event");
        engine.run(() -> engine.sendToAll(event, 0));
    }

    /** Sends {@code message} to every connected client with {@code context}: a late, stale or foreign reply. */
    public void sendToClients(Message message, int context) {
        Objects.requireNonNull(message, "message");
        engine.run(() -> engine.sendToAll(message, context));
    }

    /** Sends {@code sw_interface_event} to the {@code want_interface_events} subscribers; the table is unchanged. */
    public void sendInterfaceEvent(int swIfIndex, int flags, boolean deleted) {
        engine.run(() -> engine.interfaces.notifySubscribers(swIfIndex, flags, deleted));
    }

    /**
     * Changes an interface's admin and link state and, when it changed, notifies the subscribers.
     *
     * @throws IllegalArgumentException when there is no such interface
     */
    public void setInterfaceState(int swIfIndex, boolean adminUp, boolean linkUp) {
        engine.run(() -> {
            MockInterface i = engine.interfaces.get(swIfIndex);
            if (i == null) {
                throw new IllegalArgumentException("mock-vpp has no interface with sw_if_index " + swIfIndex);
            }
            MockInterface changed = i.withState(adminUp, linkUp);
            engine.interfaces.put(changed);
            if (!changed.equals(i)) {
                engine.interfaces.notifySubscribers(swIfIndex, changed.flags(), false);
            }
        });
    }

    /** Adds (or replaces, by sw_if_index) an interface without any event. */
    public void putInterface(MockInterface i) {
        Objects.requireNonNull(i, "interface");
        engine.run(() -> engine.interfaces.put(i));
    }

    /** The interface table now, by sw_if_index. */
    public List<MockInterface> interfaces() {
        return engine.call(engine.interfaces::all);
    }

    /** The number of clients registered for interface events. */
    public int interfaceEventSubscribers() {
        return engine.call(engine.interfaces::subscriberCount);
    }

    /** Sends {@code message} verbatim as one message (one frame on the socket) to every connected client. */
    public void sendRawMessage(byte[] message) {
        byte[] copy = Objects.requireNonNull(message, "message").clone();
        engine.run(() -> engine.registeredLinks().forEach(l -> l.send(copy.clone())));
    }

    /**
     * Sends every connected client a 10-byte message whose id is not in the table.
     *
     * @return the id used
     */
    public int sendUnknownMessageId() {
        int id = engine.table().maxId() + 1;
        sendRawMessage(ByteBuffer.allocate(10).putShort((short) id).putInt(0).putInt(0).array());
        return id;
    }

    /** Sends {@code memclnt_keepalive} to every client, client_index and context both its index (shm style). */
    public void sendKeepalive() {
        engine.run(() -> engine.registeredLinks().forEach(
                l -> engine.sendTo(l, new MemclntKeepalive(), l.clientIndex(), l.clientIndex())));
    }

    // ------------------------------------------------------------------ faults

    /**
     * Makes the next {@code count} connects fail (in-process: exception; socket: the connection is closed unanswered
     * when its {@code sockclnt_create} arrives, so a bare connect that registers nothing, as a presence probe, uses
     * up no failure).
     */
    public void failNextConnects(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        connectFailures.set(count);
    }

    /** Closes every client connection now (socket EOF, in-process {@code RxSink.closed}); pending output is lost. */
    public void disconnectClients() {
        engine.disconnectAll("disconnected the client");
    }

    /** A VPP restart: clients disconnected, dynamic ids reshuffled (seed + 1), a new pid, state reset. */
    public void restart() {
        restart(seed + 1);
    }

    /** A VPP restart with the table of {@code newSeed} (0 for the unshuffled order). */
    public void restart(long newSeed) {
        checkOpen();
        seed = newSeed;
        engine.restart(newSeed);
    }

    // ------------------------------------------------------------------ inspection

    /** Every logged received message, oldest first (the log keeps the last {@code receivedLogCapacity}). */
    public List<ReceivedMessage> received() {
        return engine.log.snapshot();
    }

    /** The logged received messages of type {@code d}. */
    public List<ReceivedMessage> received(MessageDescriptor<?> d) {
        return engine.log.matching(r -> r.is(d));
    }

    /** The number of messages received since start (including ones the log no longer holds). */
    public long receivedCount() {
        return engine.log.total();
    }

    /** Empties the log. */
    public void clearReceived() {
        engine.log.clear();
    }

    /** The first logged message matching {@code p}, waiting up to {@code timeout}. */
    public Optional<ReceivedMessage> awaitReceived(Predicate<ReceivedMessage> p, Duration timeout) {
        try {
            return engine.log.await(p, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The first logged message of type {@code d}, waiting up to {@code timeout}.
     *
     * @throws AssertionError when none arrives in time (the message lists what was received)
     */
    public ReceivedMessage awaitReceived(MessageDescriptor<?> d, Duration timeout) {
        return awaitReceived(r -> r.is(d), timeout).orElseThrow(() -> new AssertionError(
                "mock-vpp received no " + d.name() + " within " + timeout.toMillis() + " ms; received: " + received()));
    }

    /** The number of registered clients. */
    public int connectedClients() {
        return engine.clientCount();
    }

    /** Waits up to {@code timeout} until exactly {@code n} clients are registered; false on timeout. */
    public boolean awaitConnectedClients(int n, Duration timeout) {
        try {
            return engine.awaitClients(n, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the socket servers, closes every connection and stops every thread. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<ClientLink> links = new ArrayList<>(engine.allLinks());
        servers.forEach(MockSocketServer::close);
        engine.shutdown();
        for (ClientLink l : links) {
            try {
                l.joinThreads(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ------------------------------------------------------------------ package

    Engine engine() {
        return engine;
    }

    MockSettings settings() {
        return settings;
    }

    boolean isClosed() {
        return closed.get();
    }

    boolean takeConnectFailure() {
        return connectFailures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("mock-vpp is closed");
        }
    }
}
