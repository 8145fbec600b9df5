package io.jvppmux.impl.connection;

import io.jvppmux.api.ConnectionListener;
import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.ListenerRegistration;
import io.jvppmux.api.VppInfo;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.impl.channel.ChannelRegistry;
import io.jvppmux.impl.channel.EventRegistrations;
import io.jvppmux.impl.core.MuxCore;
import io.jvppmux.impl.ingress.Ingress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything about the connection's life that plugins can see: the first connect, the {@link Supervisor}
 * that keeps it up, the {@link ConnectionEvents}, the latest {@link VppInfo}. Opens the mux's internal
 * channel (2 requests, 16 replies) for its probes and checks.
 */
public final class ConnectionManager {
    private static final int INTERNAL_REQUESTS = 2;
    private static final int INTERNAL_REPLIES = 16;

    private final MuxCore core;
    private final ConnectionEvents events = new ConnectionEvents();
    private final AtomicReference<VppInfo> info = new AtomicReference<>(VppInfo.unknown());
    private final Connector connector;
    private final Supervisor supervisor;

    /**
     * @param ingress   where each connection's sink comes from
     * @param transport asked whether VPP is there between connect attempts
     */
    public ConnectionManager(MuxCore core, ChannelRegistry channels, EventRegistrations registrations, Ingress ingress,
                             VppTransport transport) {
        this.core = core;
        InternalChannel ch = new InternalChannel(channels.openInternal(INTERNAL_REQUESTS, INTERNAL_REPLIES));
        Duration timeout = core.config().replyTimeout();
        this.connector = new Connector(core, gen -> ingress.newSink(gen, this::lost), ch,
                new Resubscriber(registrations, ch, timeout), new VppInfoLoader(ch, timeout));
        this.supervisor = new Supervisor(core, channels, events, connector,
                new HealthCheck(ch, core.counters(), core.config(), core.overSharedMemory()), info,
                () -> transport.presence(core.config()));
    }

    /**
     * The first connect, on the caller's thread; then the supervisor takes over.
     *
     * @throws io.jvppmux.api.VppTransportException when VPP cannot be reached or does not answer
     */
    public void connect() {
        VppInfo i = connector.connect();
        info.set(i);
        events.publish(ConnectionState.CONNECTED, "connected over " + core.describeTransport(), null);
        supervisor.start(i.pid());
    }

    /**
     * The first connect on the supervisor's thread, attempt after attempt (with the reconnect backoff, and at
     * once when an absent VPP appears) until it succeeds, {@code retry-connect-count} is used up or the mux
     * closes; returns at once.
     */
    public void connectInBackground() {
        supervisor.startConnecting();
    }

    private void lost(int generation, Throwable cause) {
        if (core.connectionLost(generation, cause)) {
            supervisor.lost(generation, cause);
        }
    }

    /** The state now. */
    public ConnectionState state() {
        return events.state();
    }

    /** Adds a connection listener. */
    public ListenerRegistration addListener(ConnectionListener listener) {
        return events.addListener(listener);
    }

    /** Adds a reconnect callback. */
    public ListenerRegistration onReconnect(Runnable callback) {
        return events.onReconnect(callback);
    }

    /** The latest VPP info, with the connection's state now. */
    public VppInfo info() {
        return info.get().withConnected(core.isConnected());
    }

    /** First step of closing: the supervisor stops at its next wait. */
    public void requestStop() {
        supervisor.requestStop();
    }

    /** Second step of closing: waits for the supervisor to end, interrupting it after {@code timeout}. */
    public void awaitStop(Duration timeout) throws InterruptedException {
        supervisor.awaitStop(timeout);
    }

    /** Announces CLOSED and stops the event thread, each step bounded by {@code timeout}. */
    public void shutdownEvents(Duration timeout) throws InterruptedException {
        events.shutdown(timeout);
    }
}
