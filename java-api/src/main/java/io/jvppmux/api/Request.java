package io.jvppmux.api;

/**
 * A request answered by exactly one reply of type {@code R} (VPP service {@code X -> X_reply}).
 *
 * @param <R> the reply type
 */
public interface Request<R extends Message> extends Message {
    /** The descriptor of the reply. */
    MessageDescriptor<R> replyDescriptor();
}
