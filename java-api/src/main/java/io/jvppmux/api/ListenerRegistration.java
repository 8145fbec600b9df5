package io.jvppmux.api;

/**
 * A registered listener or callback; {@link #close()} removes it. Idempotent; events already queued for the
 * listener when it is removed are not delivered.
 */
@FunctionalInterface
public interface ListenerRegistration extends AutoCloseable {
    /** Removes the listener. */
    @Override
    void close();
}
