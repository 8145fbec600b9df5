package io.jvppmux.impl;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ApiTrace;
import io.jvppmux.api.ConnectionListener;
import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.ListenerRegistration;
import io.jvppmux.api.MetricsSnapshot;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppInfo;
import io.jvppmux.api.VppMux;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.impl.channel.ChannelImpl;
import io.jvppmux.impl.channel.ChannelRegistry;
import io.jvppmux.impl.channel.EventRegistrations;
import io.jvppmux.impl.channel.Router;
import io.jvppmux.impl.channel.Subscribers;
import io.jvppmux.impl.connection.ConnectionManager;
import io.jvppmux.impl.core.ApiModules;
import io.jvppmux.impl.core.MessageCatalog;
import io.jvppmux.impl.core.Millis;
import io.jvppmux.impl.core.MuxCore;
import io.jvppmux.impl.core.MuxExecutors;
import io.jvppmux.impl.ingress.Dispatcher;
import io.jvppmux.impl.ingress.Ingress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mux: one connection to VPP shared by many channels, kept up by a supervisor (health check, reconnect;
 * see {@link VppMux} for the lifecycle).
 *
 * <pre>
 *  caller threads --encode--> VppTransport.write
 *  transport rx thread --copy--> Disruptor ring --> dispatcher thread --> channel's request queue
 *                                                                    \--> subscriber buffers
 *  callback threads: complete futures (user code runs there, never on the rx or dispatcher thread)
 *  supervisor thread: health-check probes, reconnects; event thread: connection listeners, onReconnect
 * </pre>
 *
 * Threads it starts, all daemons named {@code jvppmux-*}: one dispatcher, the callback pool, one timer, one
 * supervisor and one event thread; {@link #close()} ends them all.
 */
public final class JvppMux implements VppMux {
    private static final Logger log = LoggerFactory.getLogger(JvppMux.class);

    private final MuxOptions options;
    private final MuxExecutors executors;
    private final MuxCore core;
    private final ChannelRegistry channels;
    private final Ingress ingress;
    private final ConnectionManager connection;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JvppMux(MuxConfig config, VppTransport transport, MuxOptions options) {
        long t0 = System.nanoTime();
        this.options = options;
        this.executors = new MuxExecutors(options.callbackThreads());
        long t1 = System.nanoTime();
        MessageCatalog catalog = ApiModules.catalog();
        long t2 = System.nanoTime();
        this.core = new MuxCore(config, transport, catalog, executors);
        core.callerReads(options.callerReads());
        Subscribers subscribers = new Subscribers(core.counters());
        EventRegistrations registrations = new EventRegistrations();
        this.channels = new ChannelRegistry(core, subscribers, registrations);
        Dispatcher dispatcher = new Dispatcher(core, new Router(core, channels, subscribers));
        long t3 = System.nanoTime();
        this.ingress = new Ingress(config.ringSize(), config.maxMessageSize(), options.newWaitStrategy(), dispatcher,
                core.counters(), options.inlineDispatch());
        long t4 = System.nanoTime();
        this.connection = new ConnectionManager(core, channels, registrations, ingress, transport);
        long t5 = System.nanoTime();
        if (log.isInfoEnabled()) {
            log.info("mux built in {} ms: executors {} ms, {} message keys of {} binding modules ({} of them loaded; "
                    + "each message class loads when first used) {} ms, core and channels {} ms, ingress ring of {} "
                    + "slots {} ms, connection manager {} ms", Millis.of(t5 - t0), Millis.of(t1 - t0), catalog.size(),
                    catalog.modules(), catalog.loadedModules(), Millis.of(t2 - t1), Millis.of(t3 - t2),
                    config.ringSize(), Millis.of(t4 - t3), Millis.of(t5 - t4));
        }
    }

    /** Connects over {@code transport} with default {@link MuxOptions}. */
    public static JvppMux connect(MuxConfig config, VppTransport transport) {
        return connect(config, transport, MuxOptions.defaults());
    }

    /**
     * Connects over {@code transport}: starts the ingress ring, connects the transport, resolves every known
     * message's id, checks that VPP answers and reads its {@link VppInfo}; then starts the supervisor.
     *
     * @throws io.jvppmux.api.VppTransportException when VPP cannot be reached (nothing is left running)
     */
    public static JvppMux connect(MuxConfig config, VppTransport transport, MuxOptions options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(options, "options");
        JvppMux mux = new JvppMux(config, transport, options);
        try {
            mux.connection.connect();
        } catch (RuntimeException e) {
            mux.close();
            throw e;
        }
        return mux;
    }

    /** {@link #connectAsync(MuxConfig, VppTransport, MuxOptions)} with default {@link MuxOptions}. */
    public static JvppMux connectAsync(MuxConfig config, VppTransport transport) {
        return connectAsync(config, transport, MuxOptions.defaults());
    }

    /**
     * Returns at once a mux that connects in the background, for a process that may start before VPP: the
     * supervisor tries at once, then after each failure waits the reconnect backoff ({@code retry-connect-timeout}
     * doubled up to {@code reconnect-backoff-max}), or less: the moment an absent VPP appears. It gives up
     * ({@link ConnectionState#FAILED}) only after {@code retry-connect-count} attempts when that is above 0.
     * Until connected, channels open and requests fail with {@link NotConnectedException} (or wait for the
     * connection with {@code retry-request-count}); {@link #awaitConnected} waits for it.
     */
    public static JvppMux connectAsync(MuxConfig config, VppTransport transport, MuxOptions options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(options, "options");
        JvppMux mux = new JvppMux(config, transport, options);
        mux.connection.connectInBackground();
        return mux;
    }

    @Override
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (closed.get()) {
            return false;
        }
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        try {
            core.whenConnected().get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        }
        // the transport is up; CONNECTED is announced once the connect finished (VppInfo read, registrations
        // restored): wait for that too, so that vppInfo() describes this VPP when this returns true
        while (connection.state() != ConnectionState.CONNECTED) {
            if (closed.get() || System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(1);
        }
        return !closed.get();
    }

    /** A new channel with the configuration's {@code request-buffer-size} and {@code reply-buffer-size} (100/100). */
    @Override
    public ApiChannel newApiChannel() {
        return newApiChannelBuffered(core.config().requestBufferSize(), core.config().replyBufferSize());
    }

    @Override
    public ApiChannel newApiChannel(String name) {
        return newApiChannelBuffered(name, core.config().requestBufferSize(), core.config().replyBufferSize());
    }

    @Override
    public ApiChannel newApiChannelBuffered(int requestSize, int replySize) {
        return newApiChannelBuffered(null, requestSize, replySize);
    }

    @Override
    public ApiChannel newApiChannelBuffered(String name, int requestSize, int replySize) {
        if (closed.get()) {
            throw new NotConnectedException("this jvppmux is closed: connect a new one");
        }
        return channels.open(name, requestSize, replySize);
    }

    @Override
    public boolean isConnected() {
        return !closed.get() && core.isConnected();
    }

    @Override
    public ConnectionState connectionState() {
        return connection.state();
    }

    @Override
    public ListenerRegistration addConnectionListener(ConnectionListener listener) {
        return connection.addListener(listener);
    }

    @Override
    public ListenerRegistration onReconnect(Runnable callback) {
        return connection.onReconnect(callback);
    }

    @Override
    public VppInfo vppInfo() {
        return connection.info().withConnected(isConnected());
    }

    @Override
    public MetricsSnapshot metrics() {
        return core.counters().snapshot(channels.size());
    }

    /** The live counters of plugin traffic (what {@link #metrics()} copies). */
    public MuxMetrics counters() {
        return core.counters();
    }

    @Override
    public ApiTrace apiTrace() {
        return core.trace();
    }

    /**
     * Every message this mux knows, by key, and what of it is loaded so far (descriptors looked up, binding modules
     * instantiated): for tests and tools that check that connecting loads only what it uses.
     */
    public MessageCatalog messageCatalog() {
        return core.catalog();
    }

    /** How many plugin channels are open. */
    public int openChannels() {
        return channels.size();
    }

    /**
     * Closes every channel (requests waiting fail with ChannelClosedException), stops the supervisor,
     * disconnects, drains and stops the ingress ring, then the executors and the event thread (listeners hear
     * {@link ConnectionState#CLOSED}); returns when every mux thread has ended (each step bounded by
     * {@link MuxOptions#shutdownTimeout()}).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        connection.requestStop();
        channels.all().forEach(ChannelImpl::close);
        try {
            connection.awaitStop(options.shutdownTimeout());
            core.shutdown();
            ingress.shutdown(options.shutdownTimeout());
            executors.shutdown(options.shutdownTimeout());
            connection.shutdownEvents(options.shutdownTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while closing jvppmux; some of its threads may still be ending");
        }
        if (log.isInfoEnabled()) {
            log.info("jvppmux closed ({})", core.counters().summary());
        }
    }

    @Override
    public String toString() {
        return "JvppMux{" + core.describeTransport() + ", " + connectionState() + ", channels=" + openChannels() + '}';
    }
}
