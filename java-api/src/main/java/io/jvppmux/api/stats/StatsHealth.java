package io.jvppmux.api.stats;

import java.time.Duration;

/**
 * The liveness of the VPP behind the mapped segment, as last checked.
 *
 * @param alive                 false when the heartbeat froze longer than the configured limit and no new
 *                              segment could be obtained
 * @param heartbeat             {@code /sys/heartbeat}, incremented once per VPP stats collector run
 *                              ({@code statseg { update-interval }}, 10 s by default)
 * @param sinceHeartbeatChange  how long the heartbeat has not changed, as seen by this client
 * @param epoch                 VPP's directory epoch
 * @param remaps                how often the client mapped a new segment (VPP restarts)
 * @param segment               where the segment came from and its identity (device, inode)
 */
public record StatsHealth(boolean alive, long heartbeat, Duration sinceHeartbeatChange, long epoch, int remaps,
                          String segment) {
}
