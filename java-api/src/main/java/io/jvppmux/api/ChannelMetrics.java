package io.jvppmux.api;

import java.util.Map;
import java.util.Objects;

/**
 * The counters of the channels opened with one name ({@code mux.newApiChannel("interface-watcher")}), so an
 * operator sees which plugin is slow, overflowing or failing. Channels opened without a name count under
 * {@value #UNNAMED}.
 *
 * @param name        the channels' name
 * @param open        how many channels of that name are open now
 * @param requests    requests written to VPP
 * @param replies     replies and details received for them
 * @param inFlight    requests sent and not yet ended
 * @param failures    failed requests by cause
 * @param staleDrops  replies dropped as stale: late, or never received by the plugin within the reply timeout
 * @param eventDrops  events dropped because a subscription of these channels stopped reading
 */
public record ChannelMetrics(String name, int open, long requests, long replies, long inFlight,
                             Map<FailureCause, Long> failures, long staleDrops, long eventDrops) {
    /** The name under which channels without one are counted. */
    public static final String UNNAMED = "unnamed";

    /** Copies the failure map. */
    public ChannelMetrics {
        Objects.requireNonNull(name, "name");
        failures = Map.copyOf(failures);
    }

    /** Failures of one cause. */
    public long failures(FailureCause cause) {
        return failures.getOrDefault(cause, 0L);
    }
}
