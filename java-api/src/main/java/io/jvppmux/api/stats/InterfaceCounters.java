package io.jvppmux.api.stats;

/**
 * One interface's counters from VPP's {@code /if/*} vectors, column {@code swIfIndex}, by thread and
 * summed. Counters are zeroed in place by {@code clear interfaces} and may then go backwards.
 *
 * @param swIfIndex   the interface's sw_if_index
 * @param name        its name from {@code /if/names} (VPP writes {@code "deleted"} for deleted ones)
 * @param rx          {@code /if/rx}
 * @param tx          {@code /if/tx}
 * @param rxUnicast   {@code /if/rx-unicast}
 * @param rxMulticast {@code /if/rx-multicast}
 * @param rxBroadcast {@code /if/rx-broadcast}
 * @param txUnicast   {@code /if/tx-unicast}
 * @param txMulticast {@code /if/tx-multicast}
 * @param txBroadcast {@code /if/tx-broadcast}
 * @param drops       {@code /if/drops}
 * @param punts       {@code /if/punt}
 * @param ip4         {@code /if/ip4}
 * @param ip6         {@code /if/ip6}
 * @param rxNoBuf     {@code /if/rx-no-buf}
 * @param rxMiss      {@code /if/rx-miss}
 * @param rxErrors    {@code /if/rx-error}
 * @param txErrors    {@code /if/tx-error}
 * @param mpls        {@code /if/mpls}
 */
public record InterfaceCounters(int swIfIndex, String name, PerThreadCombined rx, PerThreadCombined tx,
                                PerThreadCombined rxUnicast, PerThreadCombined rxMulticast,
                                PerThreadCombined rxBroadcast, PerThreadCombined txUnicast,
                                PerThreadCombined txMulticast, PerThreadCombined txBroadcast, PerThread drops,
                                PerThread punts, PerThread ip4, PerThread ip6, PerThread rxNoBuf,
                                PerThread rxMiss, PerThread rxErrors, PerThread txErrors, PerThread mpls) {
}
