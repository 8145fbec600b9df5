package io.jvppmux.impl.ingress;

import com.lmax.disruptor.EventFactory;
import java.nio.ByteBuffer;

/**
 * One pre-allocated slot of the ingress ring: a direct buffer the transport copies one message into,
 * or a marker that the connection closed. Slots are reused; a slot grown for a large message is
 * shrunk back after dispatch (to its own slice of the ring's slab) so that one big message does not pin memory
 * for good.
 */
public final class RxSlot {
    /** Slot holds a message. */
    static final int MESSAGE = 0;
    /** Slot marks the end of a connection. */
    static final int CLOSED = 1;

    /** Default slot size: most VPP messages are far smaller. */
    static final int DEFAULT_CAPACITY = 512;
    /** Slots grown beyond this are given back after dispatch. */
    static final int KEEP_CAPACITY = 64 * 1024;
    /** How many slots share one direct slab. */
    static final int SLOTS_PER_SLAB = 1024;

    /** Where the slot's own buffer comes from when first needed. */
    private final Slabs slabs;
    private final int index;
    /** The slot's own buffer of {@link #DEFAULT_CAPACITY} bytes once first needed, kept for good. */
    private ByteBuffer home;
    /** The buffer of the message in the slot; null until the slot first holds one. */
    ByteBuffer buffer;
    int length;
    int kind;
    int generation;
    Throwable cause;

    private RxSlot(Slabs slabs, int index) {
        this.slabs = slabs;
        this.index = index;
    }

    /**
     * Makes the slots of a ring of {@code ringSize}: each takes, when it first holds a message, a
     * {@link #DEFAULT_CAPACITY}-byte slice of a direct slab shared by {@link #SLOTS_PER_SLAB} slots. A ring of 4,096
     * slots then costs no buffer at all until messages arrive, and 4 allocations at most instead of 4,096 (each with
     * its cleaner: tens of milliseconds of a cold connect).
     */
    static EventFactory<RxSlot> factory(int ringSize) {
        Slabs slabs = new Slabs(ringSize);
        return new EventFactory<>() {
            private int next;

            @Override
            public RxSlot newInstance() {
                return new RxSlot(slabs, next++);
            }
        };
    }

    /** The buffer, cleared, with room for {@code length} bytes and its limit at {@code length}. */
    ByteBuffer prepare(int needed) {
        ByteBuffer b = buffer;
        if (b == null || b.capacity() < needed) {
            b = needed <= DEFAULT_CAPACITY ? home() : ByteBuffer.allocateDirect(needed);
            buffer = b;
        }
        b.clear().limit(needed);
        return b;
    }

    private ByteBuffer home() {
        if (home == null) {
            home = slabs.slice(index);
        }
        return home;
    }

    /** Forgets the content after dispatch. */
    void clear() {
        length = 0;
        kind = MESSAGE;
        cause = null;
        if (buffer != null && buffer.capacity() > KEEP_CAPACITY) {
            buffer = home;
        }
    }

    /** The direct slabs the slots of one ring slice their buffers from, each allocated when a slot first needs it. */
    private static final class Slabs {
        private final ByteBuffer[] slabs;

        Slabs(int slots) {
            slabs = new ByteBuffer[(slots + SLOTS_PER_SLAB - 1) / SLOTS_PER_SLAB];
        }

        synchronized ByteBuffer slice(int index) {
            int i = index / SLOTS_PER_SLAB;
            if (slabs[i] == null) {
                slabs[i] = ByteBuffer.allocateDirect(SLOTS_PER_SLAB * DEFAULT_CAPACITY);
            }
            return slabs[i].slice((index % SLOTS_PER_SLAB) * DEFAULT_CAPACITY, DEFAULT_CAPACITY);
        }
    }
}
