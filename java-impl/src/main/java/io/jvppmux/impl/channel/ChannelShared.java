package io.jvppmux.impl.channel;

import io.jvppmux.impl.core.MuxCore;

/**
 * What every channel of a mux shares besides the core: the event subscribers, the remembered
 * {@code want_*} registrations, the request retry policy, and the byte budgets of unread details and events.
 */
record ChannelShared(MuxCore core, Subscribers subscribers, EventRegistrations registrations, RequestRetry retry,
                     ByteBudget replyBudget, ByteBudget eventBudget) {
}
