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
 *       (default 75; 0 never spins; see {@link ReplySpin});</li>
 *   <li>{@value #BYTES_IN_FLIGHT}: how many bytes of requests VPP may hold unanswered in its API segment before
 *       the next request waits (default 4 MiB, at least 64 KiB): the segment is 16 MiB by default and shared with
 *       VPP's replies, and a full one aborts the client and hangs VPP (docs/PROTOCOL.md 7.3).</li>
 * </ul>
 *
 * @param rxMode            how messages are received
 * @param disconnectTimeout positive
 * @param replySpin         zero or positive, at most one second
 * @param bytesInFlight     at least 64 KiB
 */
public record ShmOptions(RxMode rxMode, Duration disconnectTimeout, Duration replySpin, long bytesInFlight) {
    /** System property of {@link #rxMode()}. */
    public static final String RX_MODE = "jvppmux.shm.rxMode";
    /** System property of {@link #disconnectTimeout()}, in milliseconds. */
    public static final String DISCONNECT_TIMEOUT = "jvppmux.shm.disconnectTimeoutMillis";
    /** System property of {@link #replySpin()}, in microseconds. */
    public static final String REPLY_SPIN = "jvppmux.shm.replySpinMicros";
    /** System property of {@link #bytesInFlight()}, in bytes. */
    public static final String BYTES_IN_FLIGHT = "jvppmux.shm.bytesInFlight";
    /** Default of {@link #bytesInFlight()}. */
    public static final long DEFAULT_BYTES_IN_FLIGHT = 4L << 20;
    private static final long MIN_BYTES_IN_FLIGHT = 64L << 10;

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
        if (bytesInFlight < MIN_BYTES_IN_FLIGHT) {
            throw new IllegalArgumentException(BYTES_IN_FLIGHT + ": " + bytesInFlight + " must be at least "
                    + MIN_BYTES_IN_FLIGHT);
        }
    }

    /** With the default {@link #bytesInFlight()}. */
    public ShmOptions(RxMode rxMode, Duration disconnectTimeout, Duration replySpin) {
        this(rxMode, disconnectTimeout, replySpin, DEFAULT_BYTES_IN_FLIGHT);
    }

    /** Callback mode, 8 s, 75 us, 4 MiB. */
    public static ShmOptions defaults() {
        return new ShmOptions(RxMode.CALLBACK, Duration.ofSeconds(8), Duration.ofNanos(75_000));
    }

    /** The defaults overridden by the system properties that are set. */
    public static ShmOptions fromSystemProperties() {
        ShmOptions d = defaults();
        return new ShmOptions(modeProperty(d.rxMode()),
                Duration.ofMillis(intProperty(DISCONNECT_TIMEOUT, (int) d.disconnectTimeout().toMillis())),
                Duration.ofNanos(1_000L * intProperty(REPLY_SPIN, (int) (d.replySpin().toNanos() / 1_000))),
                longProperty(BYTES_IN_FLIGHT, d.bytesInFlight()));
    }

    private static long longProperty(String key, long dflt) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a number", e);
        }
    }

    private static int intProperty(String key, int dflt) {
        long v = longProperty(key, dflt);
        if (v != (int) v) {
            throw new IllegalArgumentException(key + ": " + v + " is out of range");
        }
        return (int) v;
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
