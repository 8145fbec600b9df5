package io.jvppmux.impl;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppMux;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.impl.channel.ChannelImpl;
import io.jvppmux.impl.channel.ChannelRegistry;
import io.jvppmux.impl.channel.Router;
import io.jvppmux.impl.channel.Subscribers;
import io.jvppmux.impl.core.ApiModules;
import io.jvppmux.impl.core.MuxCore;
import io.jvppmux.impl.core.MuxExecutors;
import io.jvppmux.impl.ingress.Dispatcher;
import io.jvppmux.impl.ingress.Ingress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mux: one connection to VPP shared by many channels.
 *
 * <pre>
 *  caller threads --encode--> VppTransport.write
 *  transport rx thread --copy--> Disruptor ring --> dispatcher thread --> channel's request queue
 *                                                                    \--> subscriber buffers
 *  callback threads: complete futures (user code runs there, never on the rx or dispatcher thread)
 * </pre>
 *
 * Threads it starts, all daemons named {@code jvppmux-*}: one dispatcher, the callback pool and one
 * timer; {@link #close()} ends them all.
 */
public final class JvppMux implements VppMux {
    private static final Logger log = LoggerFactory.getLogger(JvppMux.class);

    private final MuxOptions options;
    private final MuxExecutors executors;
    private final MuxCore core;
    private final ChannelRegistry channels;
    private final Ingress ingress;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JvppMux(MuxConfig config, VppTransport transport, MuxOptions options) {
        this.options = options;
        this.executors = new MuxExecutors(options.callbackThreads());
        this.core = new MuxCore(config, transport, ApiModules.loadMessages(), executors);
        Subscribers subscribers = new Subscribers(core.counters());
        this.channels = new ChannelRegistry(core, subscribers);
        Dispatcher dispatcher = new Dispatcher(core, new Router(core, channels, subscribers));
        this.ingress = new Ingress(config.ringSize(), config.maxMessageSize(), options.newWaitStrategy(), dispatcher,
                core.counters());
    }

    /** Connects over {@code transport} with default {@link MuxOptions}. */
    public static JvppMux connect(MuxConfig config, VppTransport transport) {
        return connect(config, transport, MuxOptions.defaults());
    }

    /**
     * Connects over {@code transport}: starts the ingress ring, connects the transport and resolves
     * every known message's id.
     *
     * @throws io.jvppmux.api.VppTransportException when VPP cannot be reached (nothing is left running)
     */
    public static JvppMux connect(MuxConfig config, VppTransport transport, MuxOptions options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(options, "options");
        JvppMux mux = new JvppMux(config, transport, options);
        try {
            mux.core.connect(gen -> mux.ingress.newSink(gen, mux.core::connectionLost));
        } catch (RuntimeException e) {
            mux.close();
            throw e;
        }
        return mux;
    }

    /** A new channel with the configuration's {@code request-buffer-size} and {@code reply-buffer-size} (100/100). */
    @Override
    public ApiChannel newApiChannel() {
        return newApiChannelBuffered(core.config().requestBufferSize(), core.config().replyBufferSize());
    }

    @Override
    public ApiChannel newApiChannelBuffered(int requestSize, int replySize) {
        if (closed.get()) {
            throw new NotConnectedException("this jvppmux is closed: connect a new one");
        }
        return channels.open(requestSize, replySize);
    }

    @Override
    public boolean isConnected() {
        return !closed.get() && core.isConnected();
    }

    /** The counters of this mux. */
    public MuxMetrics metrics() {
        return core.counters();
    }

    /** How many channels are open. */
    public int openChannels() {
        return channels.size();
    }

    /**
     * Closes every channel (requests waiting fail with ChannelClosedException), disconnects, drains and
     * stops the ingress ring, then the executors; returns when every mux thread has ended (each step
     * bounded by {@link MuxOptions#shutdownTimeout()}).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        channels.all().forEach(ChannelImpl::close);
        core.disconnect();
        try {
            ingress.shutdown(options.shutdownTimeout());
            executors.shutdown(options.shutdownTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while closing jvppmux; some of its threads may still be ending");
        }
        log.info("jvppmux closed ({})", core.counters().summary());
    }

    @Override
    public String toString() {
        return "JvppMux{" + core.describeTransport() + ", connected=" + isConnected() + ", channels=" + openChannels() + '}';
    }
}
