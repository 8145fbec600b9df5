package io.jvppmux.cli.bench;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ChannelClosedException;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.RequestContext;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The extra channel's sender, on its own thread: paced at {@code rate}/s (0: as fast as the request buffer
 * allows). The stalled one drops every context unread; the reading one keeps a window of the request
 * buffer's size and receives each reply before reusing its place, and all of them when stopped.
 */
final class ExtraChannelSender implements Runnable {
    /** A paced sender that falls behind by more than this restarts its schedule instead of bursting. */
    private static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private final ApiChannel channel;
    private final long periodNanos;
    private final int window;
    private volatile boolean stopped;
    /** Sends refused after waiting the reply timeout for a request-buffer permit. */
    volatile long sendTimeouts;
    /** Replies the reading sender received, once it ended. */
    volatile long read;
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** @param window 0: never read; else read every reply, at most {@code window} requests in flight */
    ExtraChannelSender(ApiChannel channel, int rate, int window) {
        this.channel = channel;
        this.periodNanos = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
        this.window = window;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        RequestContext[] ring = window > 0 ? new RequestContext[window] : null;
        ControlPingReply reply = new ControlPingReply();
        long next = System.nanoTime();
        long i = 0;
        long taken = 0;
        try {
            while (!stopped) {
                if (periodNanos > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                        continue;
                    }
                    next = -wait > MAX_LAG_NANOS ? System.nanoTime() + periodNanos : next + periodNanos;
                }
                if (ring == null) {
                    try {
                        channel.sendRequest(Driver.PING);           // the context is dropped: never read
                    } catch (ReplyTimeoutException e) {
                        sendTimeouts++;                              // request buffer full for the whole timeout
                    }
                    continue;
                }
                int k = (int) (i++ % ring.length);
                if (ring[k] != null) {
                    ring[k].receiveReply(reply);
                    taken++;
                }
                ring[k] = channel.sendRequest(Driver.PING);
            }
            if (ring != null) {
                for (RequestContext c : ring) {
                    if (c != null) {
                        c.receiveReply(reply);
                        taken++;
                    }
                }
            }
        } catch (ChannelClosedException e) {
            // the round ended
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        } finally {
            read = taken;
        }
    }
}
