package io.jvppmux.api;

/**
 * A dump or other multi-reply request in flight, as returned by {@link ApiChannel#sendMultiRequest}.
 *
 * <pre>{@code
 * MultiRequestContext ctx = ch.sendMultiRequest(new SwInterfaceDump());
 * while (true) {
 *     SwInterfaceDetails msg = new SwInterfaceDetails();
 *     if (ctx.receiveReply(msg)) break;          // true: the last reply has been received
 *     use(msg);
 * }
 * }</pre>
 */
public interface MultiRequestContext {
    /**
     * Waits for the next reply and decodes it into {@code reply}, or returns true when the request is
     * complete, in which case {@code reply} is left untouched. Each wait is bounded by the channel's
     * reply timeout. Exceptions as {@link RequestContext#receiveReply}.
     *
     * @return true when the last reply has been received and there are no more
     */
    boolean receiveReply(Message reply);
}
