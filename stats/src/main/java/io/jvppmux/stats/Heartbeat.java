package io.jvppmux.stats;

/**
 * Reads {@code /sys/heartbeat} without the optimistic protocol (a scalar is not covered by the epoch, and
 * a VPP stuck {@code in_progress} must still be checked): directory index 0 as VPP fixes it, verified by
 * name, else a scan. Bounds-checked; -1 when it cannot be read.
 */
final class Heartbeat {
    static final String NAME = "/sys/heartbeat";

    private Heartbeat() {
    }

    static long read(Segment s) {
        try {
            long dir = s.directory();
            int n = DirectoryScan.directoryLength(s, dir);
            if (n > 0 && NAME.equals(s.cString(dir + Layout.ENTRY_NAME, Layout.NAME_BYTES, NAME))) {
                return s.u64(dir + Layout.ENTRY_VALUE, NAME);
            }
            DirectoryScan d = DirectoryScan.read(s, s.epoch());
            int i = d.indexOf(NAME);
            return i >= 0 ? d.values[i] : -1;
        } catch (Inconsistent e) {
            return -1;
        }
    }
}
