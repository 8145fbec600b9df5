package io.jvppmux.impl.ingress;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.impl.core.Counters;
import io.jvppmux.impl.core.NamedThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingress ring: an LMAX Disruptor of pre-allocated {@link RxSlot}s, one
 * consumer (the {@link Dispatcher} on thread {@code jvppmux-dispatcher-1}), a wait strategy that does not
 * spin by default, and an exception handler that logs and counts instead of stopping the consumer (which
 * would halt every channel). Slots are cleared after dispatch. Lives as long as the mux, across
 * reconnects.
 *
 * <p>Producers: the receive thread of each connection, through a {@link RingSink} per connection. They
 * follow one another, one per connection, and an old one may still publish its end-of-connection marker
 * while the next connection's thread starts; so the ring is {@link ProducerType#MULTI} (one CAS per
 * message). A single-producer ring would be corrupted by that overlap, and refuses a second thread
 * outright when assertions are on.
 */
public final class Ingress {
    private static final Logger log = LoggerFactory.getLogger(Ingress.class);

    private final Disruptor<RxSlot> disruptor;
    private final RingBuffer<RxSlot> ring;
    private final NamedThreadFactory threads = new NamedThreadFactory("dispatcher");
    private final int maxMessageSize;
    private final Dispatcher inline;
    private final Counters counters;

    /**
     * Starts the ring and its dispatcher thread; every message goes through the ring.
     *
     * @param handler what to do with each message (its slot is cleared afterwards)
     */
    public Ingress(int ringSize, int maxMessageSize, WaitStrategy waitStrategy, Dispatcher handler, Counters counters) {
        this(ringSize, maxMessageSize, waitStrategy, handler, counters, false);
    }

    /**
     * Starts the ring and its dispatcher thread.
     *
     * @param handler        what to do with each message (its slot is cleared afterwards)
     * @param inlineDispatch whether a message that finds the ring empty is routed at once on the receive
     *                       thread ({@link RingSink})
     */
    public Ingress(int ringSize, int maxMessageSize, WaitStrategy waitStrategy, Dispatcher handler, Counters counters,
                   boolean inlineDispatch) {
        this.maxMessageSize = maxMessageSize;
        this.inline = inlineDispatch ? handler : null;
        this.counters = counters;
        disruptor = new Disruptor<>(RxSlot.factory(ringSize), ringSize, threads, ProducerType.MULTI, waitStrategy);
        disruptor.handleEventsWith(clearing(handler));
        disruptor.setDefaultExceptionHandler(new CountingExceptionHandler(counters));
        ring = disruptor.start();
    }

    private static EventHandler<RxSlot> clearing(Dispatcher handler) {
        return (slot, sequence, endOfBatch) -> {
            try {
                handler.onSlot(slot);
            } finally {
                slot.clear();
            }
        };
    }

    /**
     * A sink for the connection of generation {@code generation}.
     *
     * @param onClosed runs on the receive thread as soon as the transport reports the end of the connection
     */
    public RxSink newSink(int generation, ClosedListener onClosed) {
        return new RingSink(ring, generation, maxMessageSize, cause -> onClosed.closed(generation, cause), inline,
                counters);
    }

    /** Told on the receive thread, at once, that a connection ended. */
    @FunctionalInterface
    public interface ClosedListener {
        /** The connection of {@code generation} ended because of {@code cause} (null: closed cleanly). */
        void closed(int generation, Throwable cause);
    }

    /**
     * Dispatches what is still in the ring, then stops the dispatcher thread; call after the transport
     * stopped publishing. Bounded by {@code timeout} for the drain and again for the thread to end.
     */
    public void shutdown(Duration timeout) throws InterruptedException {
        try {
            disruptor.shutdown(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("ingress ring not drained within {}; halting the dispatcher", timeout);
            disruptor.halt();
        }
        if (!threads.join(timeout)) {
            log.warn("dispatcher thread still alive {} after shutdown", timeout);
        }
    }

    /** Logs and counts; never rethrows, so the dispatcher keeps running. */
    private static final class CountingExceptionHandler implements ExceptionHandler<RxSlot> {
        private final Counters counters;

        CountingExceptionHandler(Counters counters) {
            this.counters = counters;
        }

        @Override
        public void handleEventException(Throwable ex, long sequence, RxSlot slot) {
            counters.dispatchErrors.increment();
            log.error("dispatcher failed on ring slot {} ({} bytes); message dropped", sequence, slot.length, ex);
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            counters.dispatchErrors.increment();
            log.error("dispatcher failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            counters.dispatchErrors.increment();
            log.error("dispatcher failed to stop", ex);
        }
    }
}
