package io.jvppmux.api.stats;

/**
 * A scalar or a gauge: one unsigned 64-bit value. VPP stores timestamps such as {@code /sys/last_update}
 * as whole seconds (it drops the fraction).
 *
 * @param value the unsigned value
 */
public record ScalarValue(long value) implements StatValue {
    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
