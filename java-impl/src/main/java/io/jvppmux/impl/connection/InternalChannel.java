package io.jvppmux.impl.connection;

import io.jvppmux.api.Message;
import io.jvppmux.api.Request;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.impl.channel.ChannelImpl;
import java.time.Duration;

/**
 * The mux's own channel (health-check probes, connect-time checks, re-registrations, VPP info). Used by one
 * thread at a time: the connecting thread, then the supervisor; so a per-call timeout can be set on the
 * channel itself.
 */
final class InternalChannel {
    private static final ControlPing PING = new ControlPing();

    private final ChannelImpl channel;

    InternalChannel(ChannelImpl channel) {
        this.channel = channel;
    }

    /** Sends control_ping and waits at most {@code timeout}. Throws as {@link ChannelImpl#call}. */
    ControlPingReply ping(Duration timeout) {
        return call(PING, timeout);
    }

    /** Sends {@code request} and waits at most {@code timeout}. Throws as {@link ChannelImpl#call}. */
    <R extends Message> R call(Request<R> request, Duration timeout) {
        channel.setReplyTimeout(timeout);
        return channel.call(request);
    }

    /** This channel's id. */
    int id() {
        return channel.id();
    }
}
