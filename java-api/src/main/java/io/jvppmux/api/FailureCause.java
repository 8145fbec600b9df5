package io.jvppmux.api;

/** Why a request ended without a successful reply, as the mux's metrics count it. */
public enum FailureCause {
    /** No reply within the reply timeout ({@link ReplyTimeoutException}). */
    TIMEOUT,
    /** The reply did not fit the channel's reply buffer and was dropped ({@link ReplyOverflowException}). */
    REPLY_OVERFLOW,
    /** The connection was down or went down ({@link NotConnectedException}). */
    NOT_CONNECTED,
    /** The channel or the mux was closed ({@link ChannelClosedException}). */
    CHANNEL_CLOSED,
    /** The caller stopped waiting (interrupted) or the request could not be written. */
    ABANDONED,
    /** VPP answered with a non-zero retval ({@link VppApiException}). */
    VPP_ERROR
}
