package io.jvppmux.api.stats;

/**
 * One graph node's runtime counters from {@code /sys/node/*} (present only with VPP's
 * {@code statseg { per-node-counters on }}).
 *
 * @param nodeIndex the node's index
 * @param name      its name from {@code /sys/node/names}
 * @param clocks    {@code /sys/node/clocks}
 * @param vectors   {@code /sys/node/vectors}
 * @param calls     {@code /sys/node/calls}
 * @param suspends  {@code /sys/node/suspends}
 */
public record NodeCounters(int nodeIndex, String name, PerThread clocks, PerThread vectors, PerThread calls,
                           PerThread suspends) {
}
