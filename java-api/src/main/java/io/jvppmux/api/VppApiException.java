package io.jvppmux.api;

/**
 * VPP answered with a non-zero {@code retval}. Carries the raw value and VPP's name and text for it
 * (from VPP's {@code errors.json}, see {@link VppErrors}).
 */
public class VppApiException extends VppException {
    private static final long serialVersionUID = 1L;

    private final int retval;
    private final String errorName;
    private final String errorMessage;
    private final String messageName;

    /**
     * @param messageName the name of the reply that carried the retval
     * @param retval      the raw retval
     */
    public VppApiException(String messageName, int retval) {
        this(messageName, retval, VppErrors.lookup(retval));
    }

    private VppApiException(String messageName, int retval, VppErrors.Entry entry) {
        super(messageName + " failed: retval " + retval + " " + entry.name() + " (" + entry.message() + ")");
        this.retval = retval;
        this.errorName = entry.name();
        this.errorMessage = entry.message();
        this.messageName = messageName;
    }

    /** The raw retval, e.g. -2. */
    public int retval() {
        return retval;
    }

    /** VPP's name for it without the {@code VNET_API_ERROR_} prefix, e.g. {@code INVALID_SW_IF_INDEX}. */
    public String errorName() {
        return errorName;
    }

    /** VPP's text for it, e.g. {@code Invalid sw_if_index}. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The reply message that carried the retval. */
    public String messageName() {
        return messageName;
    }
}
