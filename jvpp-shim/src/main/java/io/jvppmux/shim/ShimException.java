package io.jvppmux.shim;

import io.jvppmux.api.VppTransportException;

/** A native call of the shim failed with a negative code ({@link ShimCodes}). */
public class ShimException extends VppTransportException {
    private static final long serialVersionUID = 1L;

    private final int code;

    /**
     * @param message what failed, ending with the code's name
     * @param code    the native code, 0 when none applies
     */
    public ShimException(String message, int code) {
        super(message);
        this.code = code;
    }

    /** The native code ({@link ShimCodes}), 0 when none applies. */
    public int code() {
        return code;
    }
}
