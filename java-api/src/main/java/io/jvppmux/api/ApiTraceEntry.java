package io.jvppmux.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One message in the {@link ApiTrace}.
 *
 * @param direction whether the mux sent or received it
 * @param message   the message's VPP name, or {@code unknown message id N}
 * @param messageId its id in the connection's message table
 * @param context   its context (0 for events and messages without one)
 * @param timestamp when it was written or dispatched
 */
public record ApiTraceEntry(Direction direction, String message, int messageId, int context, Instant timestamp) {
    /** Sent or received. */
    public enum Direction {
        /** Written to VPP. */
        SENT,
        /** Received from VPP. */
        RECEIVED
    }

    /** Checks that every reference is set. */
    public ApiTraceEntry {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
