package io.jvppmux.micrometer;

import io.jvppmux.api.stats.InterfaceCounters;
import java.util.function.ToLongFunction;

/** One meter of every interface: its name and which {@code /if/*} counter it reads (summed over threads). */
enum InterfaceMeter {
    RX_PACKETS("vpp.interface.rx.packets", "/if/rx packets", i -> i.rx().sumPackets()),
    RX_BYTES("vpp.interface.rx.bytes", "/if/rx bytes", i -> i.rx().sumBytes()),
    TX_PACKETS("vpp.interface.tx.packets", "/if/tx packets", i -> i.tx().sumPackets()),
    TX_BYTES("vpp.interface.tx.bytes", "/if/tx bytes", i -> i.tx().sumBytes()),
    RX_UNICAST_PACKETS("vpp.interface.rx.unicast.packets", "/if/rx-unicast packets", i -> i.rxUnicast().sumPackets()),
    RX_MULTICAST_PACKETS("vpp.interface.rx.multicast.packets", "/if/rx-multicast packets",
            i -> i.rxMulticast().sumPackets()),
    RX_BROADCAST_PACKETS("vpp.interface.rx.broadcast.packets", "/if/rx-broadcast packets",
            i -> i.rxBroadcast().sumPackets()),
    TX_UNICAST_PACKETS("vpp.interface.tx.unicast.packets", "/if/tx-unicast packets", i -> i.txUnicast().sumPackets()),
    TX_MULTICAST_PACKETS("vpp.interface.tx.multicast.packets", "/if/tx-multicast packets",
            i -> i.txMulticast().sumPackets()),
    TX_BROADCAST_PACKETS("vpp.interface.tx.broadcast.packets", "/if/tx-broadcast packets",
            i -> i.txBroadcast().sumPackets()),
    DROPS("vpp.interface.drops", "/if/drops", i -> i.drops().sum()),
    PUNTS("vpp.interface.punts", "/if/punt", i -> i.punts().sum()),
    IP4("vpp.interface.ip4", "/if/ip4", i -> i.ip4().sum()),
    IP6("vpp.interface.ip6", "/if/ip6", i -> i.ip6().sum()),
    MPLS("vpp.interface.mpls", "/if/mpls", i -> i.mpls().sum()),
    RX_NO_BUF("vpp.interface.rx.no.buf", "/if/rx-no-buf", i -> i.rxNoBuf().sum()),
    RX_MISS("vpp.interface.rx.miss", "/if/rx-miss", i -> i.rxMiss().sum()),
    RX_ERRORS("vpp.interface.rx.errors", "/if/rx-error", i -> i.rxErrors().sum()),
    TX_ERRORS("vpp.interface.tx.errors", "/if/tx-error", i -> i.txErrors().sum());

    final String meterName;
    final String description;
    private final ToLongFunction<InterfaceCounters> read;

    InterfaceMeter(String meterName, String description, ToLongFunction<InterfaceCounters> read) {
        this.meterName = meterName;
        this.description = description;
        this.read = read;
    }

    /** The unsigned counter of {@code i}. */
    long read(InterfaceCounters i) {
        return read.applyAsLong(i);
    }
}
