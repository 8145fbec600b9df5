package io.jvppmux.impl.transport.shm;

import io.jvppmux.shim.RxMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The shared-memory transport's settings that {@link io.jvppmux.api.MuxConfig} does not hold (yet; its
 * {@code rx-queue-length}, {@code shim-library}, {@code vppapiclient-library} and {@code fallback-to-socket}
 * are used as they are), read from system properties by {@link #fromSystemProperties()}:
 * <ul>
 *   <li>{@value #RX_MODE}: {@code callback} (default) or {@code read} (see {@link RxMode});</li>
 *   <li>{@value #DISCONNECT_TIMEOUT}: how long a disconnect waits for {@code vac_disconnect} (default 8000:
 *       it takes up to 7 s on a dead VPP, docs/PROTOCOL.md 2.10) before leaving it running on its thread;</li>
 *   <li>{@value #REPLY_SPIN}: how long a thread waiting for its reply checks for it in a loop before it parks
 *       (default 75; 0 never spins; see {@link ReplySpin}).</li>
 * </ul>
 *
 * @param rxMode            how messages are received
 * @param disconnectTimeout positive
 * @param replySpin         zero or positive, at most one second
 */
public record ShmOptions(RxMode rxMode, Duration disconnectTimeout, Duration replySpin) {
    /** System property of {@link #rxMode()}. */
    public static final String RX_MODE = "jvppmux.shm.rxMode";
    /** System property of {@link #disconnectTimeout()}, in milliseconds. */
    public static final String DISCONNECT_TIMEOUT = "jvppmux.shm.disconnectTimeoutMillis";
    /** System property of {@link #replySpin()}, in microseconds. */
    public static final String REPLY_SPIN = "jvppmux.shm.replySpinMicros";

    /** Validates every value, naming the key. */
    public ShmOptions {
        Objects.requireNonNull(rxMode, RX_MODE);
        Objects.requireNonNull(disconnectTimeout, DISCONNECT_TIMEOUT);
        if (disconnectTimeout.isNegative() || disconnectTimeout.isZero()) {
            throw new IllegalArgumentException(DISCONNECT_TIMEOUT + ": " + disconnectTimeout + " must be positive");
        }
        Objects.requireNonNull(replySpin, REPLY_SPIN);
        if (replySpin.isNegative() || replySpin.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException(REPLY_SPIN + ": " + replySpin.toNanos() / 1_000
                    + " us must be between 0 and 1,000,000");
        }
    }

    /** Callback mode, 8 s, 75 us. */
    public static ShmOptions defaults() {
        return new ShmOptions(RxMode.CALLBACK, Duration.ofSeconds(8), Duration.ofNanos(75_000));
    }

    /** The defaults overridden by the system properties that are set. */
    public static ShmOptions fromSystemProperties() {
        ShmOptions d = defaults();
        return new ShmOptions(modeProperty(d.rxMode()),
                Duration.ofMillis(intProperty(DISCONNECT_TIMEOUT, (int) d.disconnectTimeout().toMillis())),
                Duration.ofNanos(1_000L * intProperty(REPLY_SPIN, (int) (d.replySpin().toNanos() / 1_000))));
    }

    private static int intProperty(String key, int dflt) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a number", e);
        }
    }

    private static RxMode modeProperty(RxMode dflt) {
        String v = System.getProperty(RX_MODE);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return RxMode.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RX_MODE + ": '" + v + "' must be callback or read", e);
        }
    }
}
