package io.jvppmux.api;

/**
 * A request in flight, as returned by {@link ApiChannel#sendRequest}. Receive its one reply with
 * {@link #receiveReply}. Safe to hand to another thread; not meant for two threads at once.
 */
public interface RequestContext {
    /**
     * Waits for the reply and decodes it into {@code reply}.
     *
     * @param reply an instance of the reply type the request expects
     * @throws VppApiException          the reply's retval is non-zero (the reply is still decoded)
     * @throws ReplyTimeoutException    no reply within the channel's reply timeout
     * @throws NotConnectedException    the connection went down
     * @throws ReplyOverflowException   the channel's reply buffer was full when the reply arrived
     * @throws UnexpectedReplyException the reply is of another type than {@code reply}
     * @throws ChannelClosedException   the channel was closed
     */
    void receiveReply(Message reply);
}
