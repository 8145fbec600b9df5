package io.jvppmux.impl.connection;

import io.jvppmux.api.ConnectionEvent;
import io.jvppmux.api.ConnectionListener;
import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.ListenerRegistration;
import io.jvppmux.impl.core.NamedThreadFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection's state and who hears about it. Each change is logged (with its cause) and handed, in
 * order, to every listener on the mux's one event thread ({@code jvppmux-events-1}): a slow or stuck
 * listener delays later events, never the mux, and no event is ever dropped (the queue is unbounded; a
 * change happens at most once per connect attempt). {@code onReconnect} callbacks run there too, after the
 * {@link ConnectionState#CONNECTED} event of a reconnect.
 */
public final class ConnectionEvents {
    private static final Logger log = LoggerFactory.getLogger(ConnectionEvents.class);

    private final NamedThreadFactory threads = new NamedThreadFactory("events");
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), threads);
    private final List<Registered<ConnectionListener>> listeners = new CopyOnWriteArrayList<>();
    private final List<Registered<Runnable>> reconnectCallbacks = new CopyOnWriteArrayList<>();
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;

    /** A registered listener or callback; its identity is the registration (one object may register twice). */
    private record Registered<T>(T target) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** The state now. */
    public ConnectionState state() {
        return state;
    }

    /** Adds a listener; closing the registration removes it. */
    public ListenerRegistration addListener(ConnectionListener listener) {
        return register(listeners, Objects.requireNonNull(listener, "listener"));
    }

    /** Adds a reconnect callback; closing the registration removes it. */
    public ListenerRegistration onReconnect(Runnable callback) {
        return register(reconnectCallbacks, Objects.requireNonNull(callback, "callback"));
    }

    private static <T> ListenerRegistration register(List<Registered<T>> list, T target) {
        Registered<T> r = new Registered<>(target);
        list.add(r);
        return () -> list.remove(r);
    }

    /** Moves to {@code next}: logs it and queues the event for every listener registered now. */
    public void publish(ConnectionState next, String reason, Throwable cause) {
        state = next;
        ConnectionEvent e = new ConnectionEvent(next, Instant.now(), reason, cause);
        logChange(e);
        for (Registered<ConnectionListener> l : listeners) {
            deliver(() -> {
                if (listeners.contains(l)) {
                    l.target().onConnectionEvent(e);
                }
            }, "connection listener " + l.target());
        }
    }

    /** Runs every reconnect callback registered now (after the events already queued). */
    public void reconnected() {
        for (Registered<Runnable> c : reconnectCallbacks) {
            deliver(() -> {
                if (reconnectCallbacks.contains(c)) {
                    c.target().run();
                }
            }, "onReconnect callback " + c.target());
        }
    }

    private void deliver(Runnable task, String who) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException ex) {
                    log.warn("{} failed; ignored", who, ex);
                }
            });
        } catch (RejectedExecutionException closed) {
            log.debug("event for {} not delivered: the mux is closed", who);
        }
    }

    private static void logChange(ConnectionEvent e) {
        Consumer<String> sink = switch (e.state()) {
            case FAILED -> log::error;
            case NOT_RESPONDING, DISCONNECTED -> log::warn;
            default -> log::info;
        };
        sink.accept("VPP connection " + e.state() + ": " + e.reason() + (e.cause() != null ? " (cause: " + e.cause() + ")" : ""));
    }

    /**
     * Announces {@link ConnectionState#CLOSED}, lets the queued events be delivered for at most
     * {@code timeout}, then stops the event thread (interrupting a listener that is still running). Called
     * from a listener (the event thread itself), it returns at once and the thread ends after that listener.
     */
    public void shutdown(Duration timeout) throws InterruptedException {
        publish(ConnectionState.CLOSED, "the mux was closed", null);
        executor.shutdown();
        if (threads.isCurrentThreadMine()) {
            return;
        }
        if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("a connection listener still runs {} after close; interrupting it", timeout);
            executor.shutdownNow();
        }
        threads.join(timeout);
    }
}
