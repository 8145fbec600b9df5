package io.jvppmux.mock;

import io.jvppmux.api.Message;

/** One request being handled by a built-in handler on the engine thread, with ways to answer it. */
final class Call {
    final Engine engine;
    final ClientLink link;
    final ReceivedMessage request;

    Call(Engine engine, ClientLink link, ReceivedMessage request) {
        this.engine = engine;
        this.link = link;
        this.request = request;
    }

    /** The decoded request as {@code type}. */
    <M extends Message> M request(Class<M> type) {
        return request.message(type);
    }

    /** Sends {@code m} to the requester with the request's context (and its client_index where the header has one). */
    void reply(Message m) {
        engine.sendTo(link, m, link.clientIndex(), request.context());
    }

    /** Sends a scripted reply to the requester. */
    void send(MockReply r) {
        if (r.rawUnsafe() != null) {
            link.send(r.rawUnsafe().clone());
            return;
        }
        int ctx = r.context().orElse(request.context());
        int ci = r.clientIndex().orElse(link.clientIndex());
        engine.sendTo(link, r.message(), ci, ctx);
    }
}
