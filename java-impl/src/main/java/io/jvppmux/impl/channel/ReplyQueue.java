package io.jvppmux.impl.channel;

import java.util.ArrayDeque;

/**
 * The replies of one request not yet consumed, oldest first. Holds the first in a field so a request with
 * one reply allocates no queue. Not thread-safe: guarded by the owning {@link Pending}'s monitor.
 */
final class ReplyQueue {
    private byte[] head;
    private ArrayDeque<byte[]> rest;

    void add(byte[] reply) {
        if (head == null && (rest == null || rest.isEmpty())) {
            head = reply;
            return;
        }
        if (rest == null) {
            rest = new ArrayDeque<>();
        }
        rest.add(reply);
    }

    boolean isEmpty() {
        return head == null && (rest == null || rest.isEmpty());
    }

    /** The oldest reply, or null when empty. */
    byte[] poll() {
        byte[] b = head;
        if (b != null) {
            head = null;
            return b;
        }
        return rest == null ? null : rest.poll();
    }
}
