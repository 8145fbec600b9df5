package io.jvppmux.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One move of the mux's connection to a new {@link ConnectionState}.
 *
 * @param state     the state entered
 * @param timestamp when it was entered
 * @param reason    why, in words (e.g. {@code VPP restarted: pid 4242 -> 4243}, {@code attempt 3})
 * @param cause     the failure behind it, or null when there is none
 */
public record ConnectionEvent(ConnectionState state, Instant timestamp, String reason, Throwable cause) {
    /** Checks that state, timestamp and reason are set. */
    public ConnectionEvent {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return state + " at " + timestamp + ": " + reason + (cause != null ? " (" + cause + ")" : "");
    }
}
