package io.jvppmux.api;

/**
 * Told about every {@link ConnectionEvent} of a mux, in order, on the mux's own event thread (never on a
 * thread the mux needs to make progress): a slow listener delays later events, never the mux. Registered
 * with {@link VppMux#addConnectionListener}; an exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface ConnectionListener {
    /** The connection moved to {@code event.state()}. */
    void onConnectionEvent(ConnectionEvent event);
}
