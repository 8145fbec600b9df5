package io.jvppmux.shim;

/** What to check when a connect fails, per code (docs/PROTOCOL.md 2.3, 2.11). */
final class ShimErrors {
    private ShimErrors() {
    }

    static String connectHint(int rc) {
        return switch (rc) {
            case ShimCodes.VAC_MAP_FAILED -> "could not map VPP's shared memory: is VPP running with this "
                    + "api-segment prefix, and may this user read and write its /dev/shm files (api-segment { gid })?";
            case ShimCodes.VAC_CONNECT_FAILED -> "VPP did not answer memclnt_create in time (about 10 s), or "
                    + "libvppapiclient could not start its threads";
            case ShimCodes.SHIM_ALREADY_CONNECTED -> "libvppapiclient allows one connection per process and this "
                    + "process is already connected; disconnect first";
            case ShimCodes.SHIM_PREFIX_STICKY -> "libvppapiclient keeps the prefix of an earlier prefixed connect "
                    + "for the life of the process (docs/PROTOCOL.md 2.3), so the default prefix cannot be used now";
            case ShimCodes.SHIM_BUSY -> "the previous disconnect is still running";
            case ShimCodes.SHIM_BAD_ARGUMENT -> "bad argument";
            case ShimCodes.SHIM_NO_MEMORY -> "out of native memory";
            default -> "unexpected code";
        };
    }
}
