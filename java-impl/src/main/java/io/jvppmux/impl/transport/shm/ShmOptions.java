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
 *       it takes up to 7 s on a dead VPP, docs/PROTOCOL.md 2.10) before leaving it running on its thread.</li>
 * </ul>
 *
 * @param rxMode            how messages are received
 * @param disconnectTimeout positive
 */
public record ShmOptions(RxMode rxMode, Duration disconnectTimeout) {
    /** System property of {@link #rxMode()}. */
    public static final String RX_MODE = "jvppmux.shm.rxMode";
    /** System property of {@link #disconnectTimeout()}, in milliseconds. */
    public static final String DISCONNECT_TIMEOUT = "jvppmux.shm.disconnectTimeoutMillis";

    /** Validates every value, naming the key. */
    public ShmOptions {
        Objects.requireNonNull(rxMode, RX_MODE);
        Objects.requireNonNull(disconnectTimeout, DISCONNECT_TIMEOUT);
        if (disconnectTimeout.isNegative() || disconnectTimeout.isZero()) {
            throw new IllegalArgumentException(DISCONNECT_TIMEOUT + ": " + disconnectTimeout + " must be positive");
        }
    }

    /** Callback mode, 8 s. */
    public static ShmOptions defaults() {
        return new ShmOptions(RxMode.CALLBACK, Duration.ofSeconds(8));
    }

    /** The defaults overridden by the system properties that are set. */
    public static ShmOptions fromSystemProperties() {
        ShmOptions d = defaults();
        return new ShmOptions(modeProperty(d.rxMode()),
                Duration.ofMillis(intProperty(DISCONNECT_TIMEOUT, (int) d.disconnectTimeout().toMillis())));
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
