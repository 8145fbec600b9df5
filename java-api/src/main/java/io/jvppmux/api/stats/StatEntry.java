package io.jvppmux.api.stats;

/**
 * One stat read from the segment. The name is the identity: directory indices are reused by VPP and are
 * only informative here.
 *
 * @param name          the stat's name, e.g. {@code /if/rx} or {@code /interfaces/local0/rx}
 * @param index         its directory index when read (informative only)
 * @param type          the value's type; for a symlink the type of the vector it points into
 * @param value         the value, copied out of the segment
 * @param symlinkTarget for a symlink, the name of the vector it points into; otherwise null
 * @param symlinkColumn for a symlink, the column of that vector; otherwise -1
 */
public record StatEntry(String name, int index, StatType type, StatValue value, String symlinkTarget,
                        int symlinkColumn) {

    /** True when the entry is a symlink, its value being {@code [thread][1]} of {@link #symlinkTarget()}. */
    public boolean symlink() {
        return symlinkTarget != null;
    }

    /** The unsigned value of a scalar or gauge. */
    public long scalar() {
        if (value instanceof ScalarValue) {
            return ((ScalarValue) value).value();
        }
        throw new IllegalStateException(name + " is " + type + ", not a scalar or gauge");
    }
}
