package io.jvppmux.impl.channel;

import io.jvppmux.impl.core.MuxCore;

/**
 * What every channel of a mux shares besides the core: the event subscribers, the remembered
 * {@code want_*} registrations and the request retry policy.
 */
record ChannelShared(MuxCore core, Subscribers subscribers, EventRegistrations registrations, RequestRetry retry) {
}
