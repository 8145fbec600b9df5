package io.jvppmux.api;

/**
 * VPP answered with a non-zero {@code retval}. Carries the raw value, VPP's name and text for it (from VPP's
 * {@code errors.json}, see {@link VppErrors}) and, when the mux decoded it, the reply itself: a failed reply
 * may still say why ({@code cli_inband_reply}'s {@code reply} holds "unknown input ..." with retval -1) or
 * carry other fields ({@code cursor} of a stream's last reply).
 */
public class VppApiException extends VppException {
    private static final long serialVersionUID = 2L;

    private final int retval;
    private final String errorName;
    private final String errorMessage;
    private final String messageName;
    private final transient Message reply;

    /**
     * An exception without the decoded reply ({@link #reply()} is null).
     *
     * @param messageName the name of the reply that carried the retval
     * @param retval      the raw retval
     */
    public VppApiException(String messageName, int retval) {
        this(messageName, retval, VppErrors.lookup(retval), null);
    }

    /**
     * An exception carrying the decoded reply.
     *
     * @param reply the decoded reply with a non-zero {@code retval}
     * @throws IllegalArgumentException when {@code reply} is null
     */
    public VppApiException(HasRetval reply) {
        this(nameOf(reply), reply.retval(), VppErrors.lookup(reply.retval()), reply);
    }

    private VppApiException(String messageName, int retval, VppErrors.Entry entry, Message reply) {
        super(messageName + " failed: retval " + retval + " " + entry.name() + " (" + entry.message() + ")");
        this.retval = retval;
        this.errorName = entry.name();
        this.errorMessage = entry.message();
        this.messageName = messageName;
        this.reply = reply;
    }

    private static String nameOf(HasRetval reply) {
        if (reply == null) {
            throw new IllegalArgumentException("VppApiException: the reply is null");
        }
        return reply.messageName();
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

    /**
     * The decoded reply that carried the retval, with every field VPP filled in; null when the exception was
     * made without it (or deserialized: the reply is not serialized).
     */
    public Message reply() {
        return reply;
    }

    /**
     * The decoded reply as {@code type}, e.g. {@code e.reply(CliInbandReply.class).reply()} for the text of a
     * failed CLI command.
     *
     * @throws IllegalStateException when the exception carries no reply, or one of another type
     */
    public <T extends Message> T reply(Class<T> type) {
        if (reply == null) {
            throw new IllegalStateException(messageName + " (retval " + retval + "): the exception carries no reply");
        }
        if (!type.isInstance(reply)) {
            throw new IllegalStateException(messageName + " (retval " + retval + "): the reply is a "
                    + reply.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(reply);
    }
}
