package io.jvppmux.impl.channel;

import io.jvppmux.api.VppException;
import io.jvppmux.impl.core.Contexts;

/**
 * Channel ids 1..32767 in a FIFO: a freed id goes to the back, so it is reused only after every other
 * free id (a late reply to a closed channel then rarely meets a new channel with its id, and never a
 * request with its context). Avoids GoVPP's id-overlap bugs (docs/ARCHITECTURE.md, "The context").
 */
final class ChannelIdPool {
    private final int[] ring = new int[Contexts.MAX_CHANNEL_ID];
    private int head;
    private int count;

    ChannelIdPool() {
        for (int i = 0; i < ring.length; i++) {
            ring[i] = i + 1;
        }
        count = ring.length;
    }

    /** The free id that was freed longest ago. @throws VppException when all 32767 are in use */
    synchronized int allocate() {
        if (count == 0) {
            throw new VppException("all " + Contexts.MAX_CHANNEL_ID + " channel ids are in use: close unused channels");
        }
        int id = ring[head];
        head = (head + 1) % ring.length;
        count--;
        return id;
    }

    /** Returns {@code id} to the back of the pool. */
    synchronized void free(int id) {
        if (id < 1 || id > Contexts.MAX_CHANNEL_ID || count == ring.length) {
            throw new IllegalStateException("channel id " + id + " freed twice or out of range");
        }
        ring[(head + count) % ring.length] = id;
        count++;
    }

    /** How many ids are in use. */
    synchronized int inUse() {
        return ring.length - count;
    }
}
