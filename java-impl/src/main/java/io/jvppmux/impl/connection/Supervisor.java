package io.jvppmux.impl.connection;

import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.VppInfo;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.VppPresence;
import io.jvppmux.impl.channel.ChannelRegistry;
import io.jvppmux.impl.core.Failure;
import io.jvppmux.impl.core.MuxCore;
import io.jvppmux.impl.core.NamedThreadFactory;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection's one owner thread, {@code jvppmux-supervisor-1}: while connected it waits for a loss (the
 * receive side saw the end of the connection) or the next probe time, probes, and on a loss drops the
 * connection and reconnects with {@link Backoff} (cut short by a {@link PresenceWatch} when VPP was absent and
 * is back) until it succeeds, {@code retry-connect-count} is used up
 * ({@link ConnectionState#FAILED}, the thread ends) or the mux closes. Only this thread connects and
 * disconnects after the first connect, so the state machine needs no lock.
 *
 * <pre>
 *  loop: wait(probe interval | loss | stop) -&gt; probe -&gt; loss? -&gt; drop: NOT_RESPONDING?, disconnect, fail in flight, DISCONNECTED
 *                                                          -&gt; reconnect: RECONNECTING, connect -&gt; CONNECTED, onReconnect
 *                                                                                        \-&gt; fail -&gt; backoff -&gt; again | FAILED
 * </pre>
 */
final class Supervisor implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final MuxCore core;
    private final ChannelRegistry channels;
    private final ConnectionEvents events;
    private final Connector connector;
    private final HealthCheck health;
    private final AtomicReference<VppInfo> info;
    private final MuxConfig config;
    private final Backoff backoff;
    private final BlockingQueue<Loss> losses = new LinkedBlockingQueue<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final NamedThreadFactory threads = new NamedThreadFactory("supervisor");
    private final PresenceWatch presence;

    Supervisor(MuxCore core, ChannelRegistry channels, ConnectionEvents events, Connector connector, HealthCheck health,
               AtomicReference<VppInfo> info, Supplier<VppPresence> presence) {
        this.core = core;
        this.channels = channels;
        this.events = events;
        this.connector = connector;
        this.health = health;
        this.info = info;
        this.config = core.config();
        this.backoff = new Backoff(config.retryConnectTimeout(), config.reconnectBackoffMax());
        this.presence = new PresenceWatch(presence, stopping);
    }

    /** Starts the thread, watching a connection to VPP {@code pid}. */
    void start(long pid) {
        health.reset(pid);
        threads.newThread(this).start();
    }

    /**
     * Starts the thread without a connection: it connects first, attempt after attempt as a reconnect does
     * (backoff, VPP's return watched), then watches the connection.
     */
    void startConnecting() {
        threads.newThread(() -> {
            try {
                if (!isStopping() && connectUntilDone(true)) {
                    run();
                }
            } catch (InterruptedException e) {
                log.debug("connection supervisor interrupted while connecting: stopping");
            }
        }).start();
    }

    /** The receive side saw the end of the connection of {@code generation} (any thread). */
    void lost(int generation, Throwable cause) {
        losses.offer(Loss.closed(generation, cause));
    }

    /** Asks the thread to stop; it ends at its next wait or as soon as its current step returns. */
    void requestStop() {
        stopping.countDown();
        losses.offer(Loss.STOP);
    }

    /** Waits for the thread to end, interrupting it after {@code timeout}. */
    void awaitStop(Duration timeout) throws InterruptedException {
        if (!threads.join(timeout)) {
            log.warn("connection supervisor still busy {} after close; interrupting it", timeout);
            threads.interruptAll();
            threads.join(timeout);
        }
    }

    @Override
    public void run() {
        try {
            while (!isStopping()) {
                Loss loss = losses.poll(config.healthCheckProbeInterval().toNanos(), TimeUnit.NANOSECONDS);
                if (!isStopping() && step(loss)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            log.debug("connection supervisor interrupted: stopping");
        }
    }

    /** One round: probe unless a loss arrived, drop and reconnect on a loss; true when the thread must end. */
    private boolean step(Loss arrived) throws InterruptedException {
        try {
            Loss loss = arrived != null ? arrived : health.probe(core.generation());
            if (loss == null || loss.generation() != core.generation()) {
                return false;
            }
            drop(loss);
            return !connectUntilDone(false);
        } catch (RuntimeException e) {
            log.error("connection supervisor step failed; going on", e);
            return false;
        }
    }

    private void drop(Loss loss) {
        if (loss.notResponding()) {
            events.publish(ConnectionState.NOT_RESPONDING, loss.reason(), loss.cause());
        }
        disconnect(!loss.notResponding(), loss.cause() != null ? loss.cause() : new VppTransportException(loss.reason()));
        events.publish(ConnectionState.DISCONNECTED, loss.reason(), loss.cause());
    }

    private void disconnect(boolean polite, Throwable cause) {
        core.disconnect(polite);
        channels.failAll(Failure.DISCONNECTED, cause);
    }

    /**
     * Connects (the first connect of {@code connectAsync}) or reconnects until it succeeds (true), gives up or
     * stops (false). The first attempt is immediate; after a failure the next one waits the backoff delay, or
     * less: as soon as a VPP that was absent is there again.
     */
    private boolean connectUntilDone(boolean first) throws InterruptedException {
        backoff.reset();
        long since = System.nanoTime();
        String what = first ? "connect" : "reconnect";
        for (int attempt = 1; !isStopping(); attempt++) {
            events.publish(ConnectionState.RECONNECTING, (first ? "first connect, attempt " : "attempt ") + attempt + limit(), null);
            try {
                connected(connector.connect(), since, first, attempt);
                return true;
            } catch (RuntimeException e) {
                disconnect(false, e);
                if (config.retryConnectCount() > 0 && attempt >= config.retryConnectCount()) {
                    events.publish(ConnectionState.FAILED, "gave up after " + attempt
                            + " failed " + what + " attempts (retry-connect-count)", e);
                    return false;
                }
                Duration delay = backoff.next();
                log.info("{} attempt {} failed: {}; next attempt in {} ms at most (at once when VPP is back)", what,
                        attempt, e.getMessage(), delay.toMillis());
                PresenceWatch.Wake wake = presence.await(delay);
                if (wake == PresenceWatch.Wake.STOPPING) {
                    return false;
                }
                if (wake == PresenceWatch.Wake.APPEARED) {
                    log.info("VPP is there again ({}): trying at once", core.describeTransport());
                }
            }
        }
        return false;
    }

    private void connected(VppInfo now, long sinceNanos, boolean first, int attempts) {
        VppInfo before = info.getAndSet(now);
        health.reset(now.pid());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
        if (first) {
            events.publish(ConnectionState.CONNECTED, "connected over " + core.describeTransport() + " after "
                    + attempts + " attempt(s) in " + millis + " ms", null);
            return;
        }
        core.counters().reconnects.increment();
        String how = before.pid() != 0 && before.pid() != now.pid()
                ? "VPP restarted (pid " + before.pid() + " -> " + now.pid() + ")" : "same VPP (pid " + now.pid() + ")";
        events.publish(ConnectionState.CONNECTED, "reconnected in " + millis + " ms; " + how, null);
        events.reconnected();
    }

    private String limit() {
        return config.retryConnectCount() > 0 ? " of " + config.retryConnectCount() : "";
    }

    private boolean isStopping() {
        return stopping.getCount() == 0;
    }
}
