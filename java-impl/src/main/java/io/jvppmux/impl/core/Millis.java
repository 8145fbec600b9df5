package io.jvppmux.impl.core;

/** Durations for log lines, without {@link String#format} (whose first use loads the locale data: tens of ms cold). */
public final class Millis {
    private Millis() {
    }

    /** {@code nanos} as milliseconds with one decimal, e.g. {@code 12.3}. */
    public static String of(long nanos) {
        long tenths = Math.max(0, (nanos + 50_000) / 100_000);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
