package io.jvppmux.api;

/**
 * A cursor stream (VPP service {@code X_get -> X_get_reply stream X_details}): answered by details
 * then one reply that ends the stream. A reply with retval -165 ({@code EAGAIN}) means "send again
 * from the reply's cursor", which {@link ApiChannel#stream} does for you.
 *
 * @param <R> the terminating reply type
 * @param <D> the details type
 */
public interface StreamRequest<R extends HasRetval, D extends Message> extends Message {
    /** The descriptor of the terminating reply. */
    MessageDescriptor<R> replyDescriptor();

    /** The descriptor of the details. */
    MessageDescriptor<D> detailsDescriptor();

    /**
     * Prepares this request to continue after {@code reply} (copies its cursor).
     *
     * @return false when this stream has no cursor and cannot be continued
     */
    boolean resumeFrom(R reply);
}
