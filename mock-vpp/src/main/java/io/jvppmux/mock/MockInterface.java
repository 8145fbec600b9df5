package io.jvppmux.mock;

import java.util.Arrays;
import java.util.Objects;

/**
 * One interface of the mock's interface table, as {@code sw_interface_dump} reports it. Immutable; the
 * {@code with*} methods return changed copies.
 */
public final class MockInterface {
    private final int swIfIndex;
    private final String name;
    private final byte[] mac;
    private final boolean adminUp;
    private final boolean linkUp;
    private final int mtu;
    private final String devType;
    private final int txQueues;

    /**
     * An interface without tx queues (as local0, loopbacks and pg interfaces in VPP).
     *
     * @param swIfIndex the interface index (0 and up)
     * @param name      the interface name, at most 63 bytes
     * @param mac       6 bytes
     * @param adminUp   admin state
     * @param linkUp    link state
     * @param mtu       the L3 MTU (0..65535)
     * @param devType   the device type, e.g. {@code Loopback}
     */
    public MockInterface(int swIfIndex, String name, byte[] mac, boolean adminUp, boolean linkUp, int mtu,
                         String devType) {
        this(swIfIndex, name, mac, adminUp, linkUp, mtu, devType, 0);
    }

    /**
     * @param swIfIndex the interface index (0 and up)
     * @param name      the interface name, at most 63 bytes
     * @param mac       6 bytes
     * @param adminUp   admin state
     * @param linkUp    link state
     * @param mtu       the L3 MTU (0..65535)
     * @param devType   the device type, e.g. {@code virtio}
     * @param txQueues  the tx queues {@code sw_interface_tx_placement_get} reports (0..1024)
     */
    public MockInterface(int swIfIndex, String name, byte[] mac, boolean adminUp, boolean linkUp, int mtu,
                         String devType, int txQueues) {
        if (swIfIndex < 0) {
            throw new IllegalArgumentException("swIfIndex must be >= 0: " + swIfIndex);
        }
        this.swIfIndex = swIfIndex;
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mac, "mac");
        if (mac.length != 6) {
            throw new IllegalArgumentException("mac must have 6 bytes, got " + mac.length);
        }
        if (mtu < 0 || mtu > 0xffff) {
            throw new IllegalArgumentException("mtu must be in 0..65535: " + mtu);
        }
        this.mac = mac.clone();
        this.adminUp = adminUp;
        this.linkUp = linkUp;
        this.mtu = mtu;
        this.devType = Objects.requireNonNull(devType, "devType");
        if (txQueues < 0 || txQueues > 1024) {
            throw new IllegalArgumentException("txQueues must be in 0..1024: " + txQueues);
        }
        this.txQueues = txQueues;
    }

    /** {@code local0}, sw_if_index 0, down, MTU 0: the one interface of a VPP without DPDK. */
    public static MockInterface local0() {
        return new MockInterface(0, "local0", new byte[6], false, false, 0, "local");
    }

    /** A loopback {@code loop<instance>} as {@code create_loopback} makes it: down, MTU 9000. */
    public static MockInterface loopback(int swIfIndex, int instance, byte[] mac) {
        return new MockInterface(swIfIndex, "loop" + instance, mac, false, false, 9000, "Loopback");
    }

    /**
     * A NIC-like interface {@code tap<instance>} (device type {@code virtio}, as VPP's tap interfaces) with
     * {@code txQueues} tx queues: what {@code sw_interface_tx_placement_get} needs to report anything.
     */
    public static MockInterface nic(int swIfIndex, int instance, byte[] mac, int txQueues) {
        return new MockInterface(swIfIndex, "tap" + instance, mac, false, false, 1500, "virtio", txQueues);
    }

    /** The interface index. */
    public int swIfIndex() {
        return swIfIndex;
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The MAC address (a copy). */
    public byte[] mac() {
        return mac.clone();
    }

    /** Admin state. */
    public boolean adminUp() {
        return adminUp;
    }

    /** Link state. */
    public boolean linkUp() {
        return linkUp;
    }

    /** The L3 MTU. */
    public int mtu() {
        return mtu;
    }

    /** The device type. */
    public String devType() {
        return devType;
    }

    /** The tx queues: 0 for local0 and loopbacks, as in VPP. */
    public int txQueues() {
        return txQueues;
    }

    /** The {@code if_status_flags} bits: 1 admin up, 2 link up. */
    public int flags() {
        return (adminUp ? 1 : 0) | (linkUp ? 2 : 0);
    }

    /** A copy with other admin and link states. */
    public MockInterface withState(boolean newAdminUp, boolean newLinkUp) {
        return new MockInterface(swIfIndex, name, mac, newAdminUp, newLinkUp, mtu, devType, txQueues);
    }

    /** Whether this is a loopback made by {@code create_loopback}. */
    boolean isLoopback() {
        return devType.equals("Loopback");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MockInterface m && m.swIfIndex == swIfIndex && m.name.equals(name)
                && Arrays.equals(m.mac, mac) && m.adminUp == adminUp && m.linkUp == linkUp && m.mtu == mtu
                && m.devType.equals(devType) && m.txQueues == txQueues;
    }

    @Override
    public int hashCode() {
        return Objects.hash(swIfIndex, name, adminUp, linkUp, mtu) * 31 + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return name + "(" + swIfIndex + (adminUp ? ", admin up" : "") + (linkUp ? ", link up" : "") + ")";
    }
}
