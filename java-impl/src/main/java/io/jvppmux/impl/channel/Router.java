package io.jvppmux.impl.channel;

import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.impl.core.Contexts;
import io.jvppmux.impl.core.Failure;
import io.jvppmux.impl.core.MuxCore;
import io.jvppmux.impl.ingress.Routes;
import java.nio.ByteBuffer;

/**
 * The channel layer's side of the dispatcher: a reply goes to the channel named by its context's top
 * 15 bits, an event to its subscribers, and the end of the current connection fails every request in
 * flight with NotConnectedException (the channels themselves stay open for a reconnect).
 */
public final class Router implements Routes {
    private final MuxCore core;
    private final ChannelRegistry channels;
    private final Subscribers subscribers;

    /** Routes to {@code channels} and {@code subscribers}. */
    public Router(MuxCore core, ChannelRegistry channels, Subscribers subscribers) {
        this.core = core;
        this.channels = channels;
        this.subscribers = subscribers;
    }

    @Override
    public void reply(int context, int msgId, ByteBuffer msg, int length) {
        ChannelImpl ch = channels.get(Contexts.channelId(context));
        if (ch == null) {
            Stale.unknownChannel(channels, context, msgId);
            return;
        }
        ch.onReply(context, msgId, msg, length);
    }

    @Override
    public void event(MessageDescriptor<?> descriptor, ByteBuffer msg, int length) {
        subscribers.publish(descriptor, msg, length);
    }

    @Override
    public void connectionLost(int generation, Throwable cause) {
        if (generation == core.generation()) {
            channels.failAll(Failure.DISCONNECTED, cause);
        }
    }
}
