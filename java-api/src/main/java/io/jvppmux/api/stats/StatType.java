package io.jvppmux.api.stats;

/**
 * The type of a stats directory entry, VPP's {@code stat_directory_type_t} ({@code vlib/stats/shared.h}).
 * Codes are the ones in the segment; keep in sync with that header.
 */
public enum StatType {
    /** 0: never valid; seen transiently while an entry is zeroed; skipped like {@link #EMPTY}. */
    ILLEGAL(0),
    /** 1: one unsigned 64-bit value (timestamps are whole seconds: VPP drops the fraction). */
    SCALAR_INDEX(1),
    /** 2: {@code u64 [thread][index]}. */
    COUNTER_VECTOR_SIMPLE(2),
    /** 3: {@code {packets, bytes} [thread][index]}. */
    COUNTER_VECTOR_COMBINED(3),
    /** 4: strings by index; a slot may be null. */
    NAME_VECTOR(4),
    /** 5: a deleted slot; skipped. */
    EMPTY(5),
    /** 6: an alias of one column of another counter vector. */
    SYMLINK(6),
    /** 7: log2 histogram {@code [thread][bin]}, bin 0 holding the minimum exponent. */
    HISTOGRAM_LOG2(7),
    /** 8: per-thread ring buffers. */
    RING_BUFFER(8),
    /** 9: one unsigned 64-bit value written without VPP's stats lock. */
    GAUGE(9);

    private static final StatType[] BY_CODE = values();
    private final int code;

    StatType(int code) {
        this.code = code;
    }

    /** The code stored in the segment. */
    public int code() {
        return code;
    }

    /** The type with {@code code}, or null when the code is unknown to this version. */
    public static StatType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
