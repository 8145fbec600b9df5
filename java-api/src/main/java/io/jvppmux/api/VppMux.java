package io.jvppmux.api;

import java.util.ServiceLoader;

/**
 * The one connection to VPP that plugins share; each plugin asks it for its own {@link ApiChannel}.
 *
 * <pre>{@code
 * try (VppMux mux = VppMux.connect(MuxConfig.defaults());
 *      ApiChannel ch = mux.newApiChannel()) {
 *     ShowVersionReply v = ch.call(new ShowVersion());
 * }
 * }</pre>
 *
 * <h2>Connection lifecycle</h2>
 * <ul>
 *   <li><b>Health check.</b> Every {@code health-check-probe-interval} (1 s) the mux sends {@code control_ping}
 *       on an internal channel and waits {@code health-check-reply-timeout} (250 ms). A probe that times out
 *       is not counted as missed when VPP answered any other request meanwhile (a busy VPP is not a dead
 *       one). After {@code health-check-threshold} (2) missed probes in a row the state goes to
 *       {@link ConnectionState#NOT_RESPONDING} and the mux reconnects. A new {@code vpe_pid} in a probe's
 *       reply means VPP restarted: the mux reconnects too. On the socket transport a VPP that dies is seen
 *       at once (end of stream); a VPP that is alive but silent only through the health check.</li>
 *   <li><b>Reconnect.</b> The first attempt is immediate, then each waits {@code retry-connect-timeout}
 *       (1 s), doubled after every failure up to {@code reconnect-backoff-max} (10 s). It never gives up
 *       unless {@code retry-connect-count} is above 0: then, after that many failed attempts, the state
 *       becomes {@link ConnectionState#FAILED} for good. At every connect the mux resolves every message id
 *       again from VPP's table (ids change when VPP restarts) and nothing written with an id of an earlier
 *       connection ever reaches the new one.</li>
 *   <li><b>Channels survive</b> a reconnect. Requests in flight when the connection goes down fail with
 *       {@link NotConnectedException}, as does every request sent while it is down.</li>
 *   <li><b>Event registrations are restored.</b> The mux remembers every {@code want_*} request a plugin
 *       sent with its enable field ({@code enable} or {@code enable_disable}) set and that VPP accepted
 *       (retval 0), keyed by the request's other fields; the same request with the field cleared forgets
 *       it. After every reconnect, before {@link ConnectionState#CONNECTED} is announced, the mux sends each
 *       remembered request again, so subscribers keep receiving events without doing anything. A
 *       {@code want_*} request that failed with {@link NotConnectedException} is not remembered: send it
 *       again (or let {@code retry-request-count} do it).</li>
 *   <li><b>Resync.</b> {@link #onReconnect} callbacks run after each successful reconnect, for plugins
 *       that must re-read VPP's state (events may have been missed while the connection was down).</li>
 *   <li><b>Retry.</b> With {@code retry-request-count} above 0, {@code call}, {@code callAsync},
 *       {@code sendRequest}/{@code receiveReply}, {@code dump} and {@code stream} re-send a request that
 *       failed with {@link NotConnectedException} (matched by type, also when wrapped), as soon as the
 *       connection is back but at most {@code retry-request-timeout} later, up to that many times.
 *       {@code sendMultiRequest} is not retried: its caller may already hold part of the replies. A retried
 *       request may run twice in VPP when only its reply was lost.</li>
 * </ul>
 */
public interface VppMux extends AutoCloseable {
    /** Default request and reply buffer sizes of {@link #newApiChannel()}. */
    int DEFAULT_BUFFER_SIZE = 100;

    /**
     * Connects with the implementation found on the class path (module {@code java-impl}).
     *
     * @throws VppTransportException when VPP cannot be reached
     * @throws IllegalStateException when no implementation is on the class path
     */
    static VppMux connect(MuxConfig config) {
        for (VppMuxProvider p : ServiceLoader.load(VppMuxProvider.class)) {
            return p.connect(config);
        }
        throw new IllegalStateException("no VppMuxProvider on the class path: add io.jvppmux:java-impl");
    }

    /**
     * Returns at once a mux that connects in the background and keeps trying until VPP is there: for an agent
     * an init system may start before VPP (GoVPP's {@code AsyncConnect}). Attempts follow the reconnect backoff
     * ({@code retry-connect-timeout} doubled up to {@code reconnect-backoff-max}), except that a VPP that was
     * absent is tried the moment it appears; {@code retry-connect-count} above 0 ends in
     * {@link ConnectionState#FAILED} after that many attempts. Listeners hear a {@link ConnectionState#RECONNECTING}
     * event per attempt, then {@link ConnectionState#CONNECTED}. Until then channels can be opened and requests fail
     * at once with {@link NotConnectedException}, or, with {@code retry-request-count} above 0, wait up to
     * {@code retry-request-timeout} for the connection and are sent then. {@link #awaitConnected} waits for it.
     *
     * <p>Use {@link #connect} instead when there is nothing to do without VPP: it fails at once, telling why.
     *
     * @throws IllegalStateException when no implementation is on the class path
     */
    static VppMux connectAsync(MuxConfig config) {
        for (VppMuxProvider p : ServiceLoader.load(VppMuxProvider.class)) {
            return p.connectAsync(config);
        }
        throw new IllegalStateException("no VppMuxProvider on the class path: add io.jvppmux:java-impl");
    }

    /**
     * Waits until the connection is up, at most {@code timeout}.
     *
     * @return true when connected (at once when it is up now); false when {@code timeout} passed first, or the
     *         mux is closed
     */
    boolean awaitConnected(java.time.Duration timeout) throws InterruptedException;

    /** A new channel with request and reply buffers of 100. */
    default ApiChannel newApiChannel() {
        return newApiChannelBuffered(DEFAULT_BUFFER_SIZE, DEFAULT_BUFFER_SIZE);
    }

    /**
     * A new channel.
     *
     * @param requestSize how many requests may be in flight before senders block (1..32767)
     * @param replySize   how many received, not yet consumed replies the channel buffers (at least 1)
     */
    ApiChannel newApiChannelBuffered(int requestSize, int replySize);

    /**
     * A new channel named {@code name}, e.g. the plugin's name, with request and reply buffers of 100: its metrics
     * ({@link MetricsSnapshot#channels()}), the log lines and exceptions about it and its API trace entries carry
     * the name, so an operator sees which plugin is slow, overflowing or failing. Several channels may share a name
     * (their metrics add up).
     *
     * @param name 1..64 printable ASCII characters without spaces
     */
    default ApiChannel newApiChannel(String name) {
        return newApiChannelBuffered(name, DEFAULT_BUFFER_SIZE, DEFAULT_BUFFER_SIZE);
    }

    /** A new channel named {@code name} ({@link #newApiChannel(String)}) with the given buffers. */
    ApiChannel newApiChannelBuffered(String name, int requestSize, int replySize);

    /** Whether the connection is up. */
    boolean isConnected();

    /** The connection's state now. */
    ConnectionState connectionState();

    /**
     * Registers a listener of connection events; it hears every event after this call, in order, on the
     * mux's event thread. Close the returned registration to remove it.
     */
    ListenerRegistration addConnectionListener(ConnectionListener listener);

    /**
     * Registers a callback run after every successful reconnect (not after the first connect), once event
     * registrations have been restored and the {@link ConnectionState#CONNECTED} event delivered; it runs on
     * the mux's event thread. Close the returned registration to remove it.
     */
    ListenerRegistration onReconnect(Runnable callback);

    /** What the mux knows of VPP: version, pid, client index, plugins; refreshed at every connect. */
    VppInfo vppInfo();

    /** The mux's counters now. */
    MetricsSnapshot metrics();

    /** The API trace of the last messages, off unless {@code api-trace-size} is set or it is enabled here. */
    ApiTrace apiTrace();

    /** Closes every channel and the connection, and stops every thread the mux started. Idempotent. */
    @Override
    void close();
}
