package io.jvppmux.shim;

/**
 * The negative codes the native calls return: libvppapiclient's own ({@code vac_errno_t} of
 * {@code vppapiclient.h} and {@code vac_connect}'s -1/-2, docs/PROTOCOL.md 2.1, 2.3) and the shim's.
 * keep in sync with jvpp-shim/src/main/c/vac_abi.h and jvpp-shim/src/main/c/shim_codes.h
 */
public final class ShimCodes {
    /** vac_connect: {@code memclnt_create} failed or timed out, or thread creation failed. */
    public static final int VAC_CONNECT_FAILED = -1;
    /** vac_connect: mapping VPP's shared memory failed or timed out. */
    public static final int VAC_MAP_FAILED = -2;
    /** libvppapiclient is not connected. */
    public static final int VAC_NOT_CONNECTED = -3;
    /** vac_read: the shared memory is not ready. */
    public static final int VAC_SHM_NOT_READY = -4;
    /** vac_read: nothing arrived in time (or an internal message did). */
    public static final int VAC_TIMEOUT = -5;
    /** libvppapiclient is not loaded. */
    public static final int SHIM_NOT_LOADED = -100;
    /** A connection is already open: libvppapiclient allows one per process. */
    public static final int SHIM_ALREADY_CONNECTED = -101;
    /** Not a direct buffer, range outside it, or a length out of bounds. */
    public static final int SHIM_BAD_ARGUMENT = -102;
    /** Native memory exhausted. */
    public static final int SHIM_NO_MEMORY = -103;
    /** vac_read asked while libvppapiclient's rx thread owns the queue (callback mode). */
    public static final int SHIM_WRONG_MODE = -104;
    /** A connect or disconnect is still running. */
    public static final int SHIM_BUSY = -105;
    /** The default prefix asked after a prefixed connect: libvppapiclient keeps the first (docs/PROTOCOL.md 2.3). */
    public static final int SHIM_PREFIX_STICKY = -106;

    /** Smallest message vac_write takes: it overwrites bytes 2..5 with the client index. */
    public static final int MIN_WRITE = 6;
    /** Largest message written: a failed allocation in VPP's API segment aborts the process (docs/PROTOCOL.md 7.3). */
    public static final int MAX_WRITE = 1 << 20;

    private ShimCodes() {
    }

    /** The code's name, e.g. {@code VAC_NOT_CONNECTED(-3)}. */
    public static String name(int code) {
        String n = switch (code) {
            case VAC_CONNECT_FAILED -> "VAC_CONNECT_FAILED";
            case VAC_MAP_FAILED -> "VAC_MAP_FAILED";
            case VAC_NOT_CONNECTED -> "VAC_NOT_CONNECTED";
            case VAC_SHM_NOT_READY -> "VAC_SHM_NOT_READY";
            case VAC_TIMEOUT -> "VAC_TIMEOUT";
            case SHIM_NOT_LOADED -> "SHIM_NOT_LOADED";
            case SHIM_ALREADY_CONNECTED -> "SHIM_ALREADY_CONNECTED";
            case SHIM_BAD_ARGUMENT -> "SHIM_BAD_ARGUMENT";
            case SHIM_NO_MEMORY -> "SHIM_NO_MEMORY";
            case SHIM_WRONG_MODE -> "SHIM_WRONG_MODE";
            case SHIM_BUSY -> "SHIM_BUSY";
            case SHIM_PREFIX_STICKY -> "SHIM_PREFIX_STICKY";
            default -> "UNKNOWN";
        };
        return n + "(" + code + ")";
    }
}
