package io.jvppmux.impl.core;

import java.util.concurrent.CompletableFuture;

/**
 * A future completed each time the connection comes up and replaced by a fresh one each time it goes down,
 * so that waiters (request retries) resume the moment the mux is connected again. Its own monitor: never
 * held while doing anything else.
 */
final class ConnectedSignal {
    private CompletableFuture<Void> up = new CompletableFuture<>();
    private boolean closed;

    /** The connection is up: wake the waiters. */
    void up() {
        CompletableFuture<Void> f;
        synchronized (this) {
            f = up;
        }
        f.complete(null);
    }

    /** The connection is down: later waiters wait for the next {@link #up()}. */
    synchronized void down() {
        if (up.isDone() && !closed) {
            up = new CompletableFuture<>();
        }
    }

    /** The mux closed: waiters are released with {@code cause} and nobody waits any more. */
    void close(Throwable cause) {
        CompletableFuture<Void> f;
        synchronized (this) {
            closed = true;
            f = up;
        }
        f.completeExceptionally(cause);
    }

    /** Completes when the connection is up (at once when it is up now). Do not complete it yourself. */
    synchronized CompletableFuture<Void> future() {
        return up;
    }
}
