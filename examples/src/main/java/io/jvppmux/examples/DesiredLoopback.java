package io.jvppmux.examples;

import java.util.Arrays;
import java.util.Objects;

/**
 * A loopback {@link LoopbackProgrammer} keeps in VPP: identified by its MAC address (VPP chooses the name and
 * the sw_if_index, and both may change across restarts), with one IPv4 address, administratively up.
 *
 * @param mac       six bytes, e.g. {@code 02:00:00:00:00:01}
 * @param ip4       the address, four bytes
 * @param prefixLen the prefix length, 0..32
 */
public record DesiredLoopback(byte[] mac, byte[] ip4, int prefixLen) {
    /** Checks the sizes. */
    public DesiredLoopback {
        if (mac == null || mac.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes: " + Arrays.toString(mac));
        }
        if (ip4 == null || ip4.length != 4) {
            throw new IllegalArgumentException("an IPv4 address has 4 bytes: " + Arrays.toString(ip4));
        }
        if (prefixLen < 0 || prefixLen > 32) {
            throw new IllegalArgumentException("an IPv4 prefix length is 0..32: " + prefixLen);
        }
        mac = mac.clone();
        ip4 = ip4.clone();
    }

    /**
     * Parses {@code "02:00:00:00:00:01 10.10.1.1/24"}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static DesiredLoopback parse(String mac, String cidr) {
        String[] m = Objects.requireNonNull(mac, "mac").split(":");
        if (m.length != 6) {
            throw new IllegalArgumentException("not a MAC address (6 hex bytes with ':'): " + mac);
        }
        byte[] macBytes = new byte[6];
        for (int i = 0; i < 6; i++) {
            macBytes[i] = (byte) Integer.parseInt(m[i], 16);
        }
        String[] p = Objects.requireNonNull(cidr, "cidr").split("/");
        String[] a = p[0].split("\\.");
        if (p.length != 2 || a.length != 4) {
            throw new IllegalArgumentException("not an IPv4 prefix like 10.10.1.1/24: " + cidr);
        }
        byte[] ip = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(a[i]);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 prefix like 10.10.1.1/24: " + cidr);
            }
            ip[i] = (byte) octet;
        }
        return new DesiredLoopback(macBytes, ip, Integer.parseInt(p[1]));
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public byte[] ip4() {
        return ip4.clone();
    }

    /** {@code 02:00:00:00:00:01}. */
    public String macText() {
        StringBuilder sb = new StringBuilder();
        for (byte b : mac) {
            sb.append(sb.length() == 0 ? "" : ":").append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }

    /** {@code 10.10.1.1/24}. */
    public String prefixText() {
        return (ip4[0] & 0xFF) + "." + (ip4[1] & 0xFF) + "." + (ip4[2] & 0xFF) + "." + (ip4[3] & 0xFF) + "/" + prefixLen;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DesiredLoopback d && Arrays.equals(mac, d.mac) && Arrays.equals(ip4, d.ip4)
                && prefixLen == d.prefixLen;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(mac), Arrays.hashCode(ip4), prefixLen);
    }

    @Override
    public String toString() {
        return "loopback " + macText() + " " + prefixText();
    }
}
