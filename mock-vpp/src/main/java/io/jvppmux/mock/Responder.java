package io.jvppmux.mock;

import java.util.List;

/**
 * Computes the mock's answer to a request; runs on the mock's engine thread, in the order the requests
 * arrived. Return an empty list to send nothing (the request is swallowed). A responder may keep state, e.g.
 * hold the reply to one request and send it after the next one's (out of order).
 *
 * <pre>{@code
 * vpp.on(ShowVersion.DESCRIPTOR).respond(req ->
 *         List.of(MockReply.of(new ShowVersionReply().retval(0).version("v" + req.context()))));
 * }</pre>
 */
@FunctionalInterface
public interface Responder {
    /**
     * @param request the received, decoded request
     * @return what to send back, in order; never null
     */
    List<MockReply> respond(ReceivedMessage request);
}
