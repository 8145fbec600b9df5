package io.jvppmux.impl.channel;

import io.jvppmux.api.Message;
import io.jvppmux.api.RequestContext;
import java.util.Objects;

/**
 * {@link io.jvppmux.api.ApiChannel#sendRequest} with retries on: the first attempt is sent at once (a
 * NotConnectedException then is kept, not thrown); {@link #receiveReply} re-sends the request as
 * {@link RequestRetry} says. The request object is encoded again on each attempt.
 */
final class RetryingRequest implements RequestContext {
    private final ChannelImpl channel;
    private final Message request;
    private final RequestRetry retry;
    private RequestContext first;
    private RuntimeException firstFailure;

    RetryingRequest(ChannelImpl channel, Message request, RequestRetry retry) {
        this.channel = channel;
        this.request = request;
        this.retry = retry;
        try {
            first = channel.sendOnce(request);
        } catch (RuntimeException e) {
            if (!RequestRetry.isNotConnected(e)) {
                throw e;
            }
            firstFailure = e;
        }
    }

    @Override
    public void receiveReply(Message reply) {
        Objects.requireNonNull(reply, "reply");
        retry.run(request.messageName(), n -> {
            if (n > 0) {
                channel.sendOnce(request).receiveReply(reply);
            } else if (first == null) {
                throw firstFailure;
            } else {
                first.receiveReply(reply);
            }
            return null;
        });
    }
}
