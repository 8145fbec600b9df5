package io.jvppmux.impl.core;

import io.jvppmux.api.ChannelClosedException;
import io.jvppmux.api.FailureCause;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.ReplyOverflowException;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.VppException;

/**
 * Why a request ended without its reply. Recorded by whichever thread ends the request (dispatcher,
 * timer, closer) and turned into a fresh exception on the thread that reads the result, so its stack
 * trace shows the caller.
 */
public enum Failure {
    /** No reply within the reply timeout. */
    TIMEOUT(FailureCause.TIMEOUT),
    /** The channel's reply buffer was full. */
    OVERFLOW(FailureCause.REPLY_OVERFLOW),
    /** The connection went down. */
    DISCONNECTED(FailureCause.NOT_CONNECTED),
    /** The channel or mux was closed. */
    CLOSED(FailureCause.CHANNEL_CLOSED),
    /** The waiting thread was interrupted, or sending failed: nobody waits for the reply any more. */
    ABANDONED(FailureCause.ABANDONED);

    private final FailureCause cause;

    Failure(FailureCause cause) {
        this.cause = cause;
    }

    /** How the metrics count it. */
    public FailureCause cause() {
        return cause;
    }

    /** A new exception of this kind with {@code message}. */
    public VppException toException(String message, Throwable cause) {
        return switch (this) {
            case TIMEOUT -> new ReplyTimeoutException(message, cause);
            case OVERFLOW -> new ReplyOverflowException(message, cause);
            case DISCONNECTED -> new NotConnectedException(message, cause);
            case CLOSED -> new ChannelClosedException(message, cause);
            case ABANDONED -> new VppException(message, cause);
        };
    }
}
