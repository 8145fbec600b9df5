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
 * @param channel   the name of the channel that sent it or that its context names
 *                  ({@link ChannelMetrics#UNNAMED} for a channel without one), or null (events, the mux's own
 *                  channel, a channel closed since)
 */
public record ApiTraceEntry(Direction direction, String message, int messageId, int context, Instant timestamp,
                            String channel) {
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

    /** An entry without a channel name. */
    public ApiTraceEntry(Direction direction, String message, int messageId, int context, Instant timestamp) {
        this(direction, message, messageId, context, timestamp, null);
    }
}
