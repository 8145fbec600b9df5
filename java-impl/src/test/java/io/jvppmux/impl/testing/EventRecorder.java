package io.jvppmux.impl.testing;

import io.jvppmux.api.ConnectionEvent;
import io.jvppmux.api.ConnectionListener;
import io.jvppmux.api.ConnectionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link ConnectionListener} that keeps every event and lets a test wait for the next one of a kind: each
 * {@code await} looks from where the previous one stopped, so a test can follow the state machine step by step.
 */
public final class EventRecorder implements ConnectionListener {
    private final List<ConnectionEvent> events = new ArrayList<>();
    private int cursor;

    @Override
    public synchronized void onConnectionEvent(ConnectionEvent event) {
        events.add(event);
        notifyAll();
    }

    /** The next event in {@code state} after the last one awaited. @throws AssertionError when none comes in time */
    public ConnectionEvent await(ConnectionState state, Duration timeout) {
        return await(e -> e.state() == state, state.toString(), timeout);
    }

    /** The next event matching {@code p} after the last one awaited. @throws AssertionError when none comes in time */
    public synchronized ConnectionEvent await(Predicate<ConnectionEvent> p, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (; cursor < events.size(); cursor++) {
                if (p.test(events.get(cursor))) {
                    return events.get(cursor++);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + what + " event within " + timeout.toMillis() + " ms; events: " + events);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Every event so far. */
    public synchronized List<ConnectionEvent> all() {
        return new ArrayList<>(events);
    }

    /** The states of every event so far. */
    public synchronized List<ConnectionState> states() {
        return events.stream().map(ConnectionEvent::state).toList();
    }
}
