package io.jvppmux.impl.channel;

import java.util.ArrayDeque;

/**
 * The replies of one request not yet consumed, oldest first. Holds the first in a field so a request with
 * one reply allocates no queue. Not thread-safe: guarded by the {@link Pending}'s monitor. {@link Pending}
 * extends it rather than holding one, so a request and its queue are one object: one allocation and one
 * cache line less crossing from the routing thread's core to the requester's with every reply.
 */
abstract class ReplyQueue {
    private byte[] head;
    private ArrayDeque<byte[]> rest;

    final void addReply(byte[] reply) {
        if (head == null && (rest == null || rest.isEmpty())) {
            head = reply;
            return;
        }
        if (rest == null) {
            rest = new ArrayDeque<>();
        }
        rest.add(reply);
    }

    final boolean noReplies() {
        return head == null && (rest == null || rest.isEmpty());
    }

    /** The oldest reply, or null when empty. */
    final byte[] pollReply() {
        byte[] b = head;
        if (b != null) {
            head = null;
            return b;
        }
        return rest == null ? null : rest.poll();
    }
}
