package io.jvppmux.shim;

/**
 * The shim cannot be used: {@code libjvppshim.so} or {@code libvppapiclient.so} did not load. The
 * message is one line naming every attempt.
 */
public final class ShimUnavailableException extends ShimException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming every attempt */
    public ShimUnavailableException(String message) {
        super(message, ShimCodes.SHIM_NOT_LOADED);
    }
}
