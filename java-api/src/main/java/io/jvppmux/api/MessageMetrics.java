package io.jvppmux.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The counters of one request message (by VPP name) since the mux was created.
 *
 * @param name              the request's VPP name, e.g. {@code show_version}
 * @param requests          how many were written to VPP
 * @param replies           replies and details received for them
 * @param completed         how many ended with their last reply (including those whose retval was non-zero)
 * @param failures          how many failed, by cause ({@link FailureCause#VPP_ERROR} counts non-zero retvals)
 * @param totalLatencyNanos sum of the round-trip times of the completed ones
 */
public record MessageMetrics(String name, long requests, long replies, long completed,
                             Map<FailureCause, Long> failures, long totalLatencyNanos) {
    /** Copies the failure map. */
    public MessageMetrics {
        Objects.requireNonNull(name, "name");
        failures = Map.copyOf(failures);
    }

    /** Failures of one cause. */
    public long failures(FailureCause cause) {
        return failures.getOrDefault(cause, 0L);
    }

    /** Requests that timed out. */
    public long timeouts() {
        return failures(FailureCause.TIMEOUT);
    }

    /** Replies dropped because the channel's reply buffer was full. */
    public long drops() {
        return failures(FailureCause.REPLY_OVERFLOW);
    }

    /** The mean round trip of the completed requests, or zero. */
    public Duration meanLatency() {
        return completed == 0 ? Duration.ZERO : Duration.ofNanos(totalLatencyNanos / completed);
    }
}
