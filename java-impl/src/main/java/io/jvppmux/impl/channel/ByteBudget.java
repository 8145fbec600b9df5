package io.jvppmux.impl.channel;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory shared by what a mux holds for its readers without a count limit: the unread details of dumps and
 * cursor streams ({@code reply-buffer-bytes}) or the unread events beyond each subscription's buffer size
 * ({@code event-buffer-bytes}). A holder (a request, a subscription) reserves the bytes of each message it
 * queues and releases them as its reader takes the message. Shared fairly: no single holder may hold more
 * than half the budget, so one reader that stopped leaves room for the others. Never blocks: a refused
 * reservation is the holder's overflow.
 */
final class ByteBudget {
    /** What a queued message costs besides its bytes: the array header and its queue slot. */
    private static final int OVERHEAD = 32;

    private final String key;
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    ByteBudget(String key, long limit) {
        this.key = key;
        this.limit = limit;
    }

    /** The cost of a queued message of {@code length} bytes. */
    static long cost(int length) {
        return (long) length + OVERHEAD;
    }

    /** Reserves {@code n} bytes for a holder that already holds {@code held}; false when that would pass a bound. */
    boolean tryReserve(long held, long n) {
        if (held + n > limit / 2) {
            return false;
        }
        while (true) {
            long u = used.get();
            if (u + n > limit) {
                return false;
            }
            if (used.compareAndSet(u, u + n)) {
                return true;
            }
        }
    }

    /** Reserves {@code n} bytes whatever the bound (what a subscription keeps within its guaranteed buffer size). */
    void forceReserve(long n) {
        used.addAndGet(n);
    }

    void release(long n) {
        used.addAndGet(-n);
    }

    long used() {
        return used.get();
    }

    /** Why {@code n} more bytes were refused to a holder of {@code held}, naming the configuration key. */
    String explain(long held, long n) {
        return held + " bytes wait unread for it (" + n + " more refused); the mux's " + key + " budget of " + limit
                + " bytes has " + used.get() + " in use and no single holder may hold more than half: read faster"
                + " or raise " + key;
    }
}
