package io.jvppmux.api.stats;

/**
 * One error counter, a {@code /err/<node>/<reason>} symlink into {@code /node/errors}. May go backwards
 * after {@code clear errors}.
 *
 * @param name   the full stat name, e.g. {@code /err/ip4-input/ip4 ttl <= 1}
 * @param node   the node part, e.g. {@code ip4-input}
 * @param reason the counter part (may contain spaces and further slashes)
 * @param values the count by thread
 */
public record ErrorCounter(String name, String node, String reason, PerThread values) {
}
