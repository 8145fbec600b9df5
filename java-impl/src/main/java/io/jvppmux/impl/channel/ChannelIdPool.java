package io.jvppmux.impl.channel;

import io.jvppmux.api.VppException;
import io.jvppmux.impl.core.Contexts;

/**
 * Channel ids 1..32767 in a FIFO: a freed id goes to the back, so it is reused only after every other
 * free id (a late reply to a closed channel then rarely meets a new channel with its id, and never a
 * request with its context). Avoids GoVPP's id-overlap bugs (docs/ARCHITECTURE.md, "The context").
 */
final class ChannelIdPool {
    /** Freed ids, oldest first. */
    private final int[] ring = new int[Contexts.MAX_CHANNEL_ID];
    private int head;
    private int freed;
    /**
     * The lowest id never handed out yet. The ids above it come before every freed one (they were "freed" first),
     * so they need not be written into the ring up front.
     */
    private int fresh = 1;

    /** The free id that was freed longest ago. @throws VppException when all 32767 are in use */
    synchronized int allocate() {
        if (fresh <= Contexts.MAX_CHANNEL_ID) {
            return fresh++;
        }
        if (freed == 0) {
            throw new VppException("all " + Contexts.MAX_CHANNEL_ID + " channel ids are in use: close unused channels");
        }
        int id = ring[head];
        head = (head + 1) % ring.length;
        freed--;
        return id;
    }

    /** Returns {@code id} to the back of the pool. */
    synchronized void free(int id) {
        if (id < 1 || id >= fresh || inUse() == 0) {
            throw new IllegalStateException("channel id " + id + " freed twice or out of range");
        }
        ring[(head + freed) % ring.length] = id;
        freed++;
    }

    /** How many ids are in use. */
    synchronized int inUse() {
        return fresh - 1 - freed;
    }
}
