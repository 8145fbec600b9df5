package io.jvppmux.impl.connection;

import static io.jvppmux.api.ConnectionState.CLOSED;
import static io.jvppmux.api.ConnectionState.CONNECTED;
import static io.jvppmux.api.ConnectionState.DISCONNECTED;
import static io.jvppmux.api.ConnectionState.RECONNECTING;
import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ListenerRegistration;
import io.jvppmux.impl.testing.EventRecorder;
import io.jvppmux.impl.testing.Tally;
import io.jvppmux.impl.testing.ThreadBaseline;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connection events: in order, on the mux's event thread, never dropped, never blocking the publisher. */
@Timeout(10)
class ConnectionEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void everyListenerGetsEveryEventInOrderEvenWhenAnotherThrows() throws Exception {
        ConnectionEvents events = new ConnectionEvents();
        events.addListener(e -> {
            throw new IllegalStateException("a broken listener");
        });
        EventRecorder recorder = new EventRecorder();
        events.addListener(recorder);
        events.publish(DISCONNECTED, "lost", new IllegalStateException("eof"));
        events.publish(RECONNECTING, "attempt 1", null);
        events.publish(CONNECTED, "back", null);
        recorder.await(CONNECTED, WAIT);
        assertThat(recorder.states()).containsExactly(DISCONNECTED, RECONNECTING, CONNECTED);
        assertThat(recorder.all().get(0).cause()).hasMessage("eof");
        assertThat(events.state()).isEqualTo(CONNECTED);
        events.shutdown(WAIT);
    }

    @Test
    void aStuckListenerNeverBlocksThePublisherAndAClosedRegistrationHearsNothingMore() throws Exception {
        ConnectionEvents events = new ConnectionEvents();
        CountDownLatch release = new CountDownLatch(1);
        events.addListener(e -> awaitQuietly(release));
        EventRecorder removed = new EventRecorder();
        ListenerRegistration r = events.addListener(removed);
        for (int i = 0; i < 1000; i++) {
            events.publish(RECONNECTING, "attempt " + i, null);
        }
        r.close();
        r.close();
        release.countDown();
        EventRecorder later = new EventRecorder();
        events.addListener(later);
        events.publish(CONNECTED, "back", null);
        later.await(CONNECTED, WAIT);
        assertThat(removed.all()).as("queued before the registration closed, delivered after").isEmpty();
        events.shutdown(WAIT);
    }

    @Test
    void reconnectCallbacksRunAfterTheEventsQueuedBeforeThem() throws Exception {
        ConnectionEvents events = new ConnectionEvents();
        EventRecorder recorder = new EventRecorder();
        events.addListener(recorder);
        Tally seenConnected = new Tally();
        events.onReconnect(() -> {
            if (recorder.states().contains(CONNECTED)) {
                seenConnected.increment();
            }
        });
        events.publish(CONNECTED, "back", null);
        events.reconnected();
        seenConnected.await(1, WAIT);
        events.shutdown(WAIT);
    }

    @Test
    void shutdownAnnouncesClosedAndEndsTheEventThreadEvenWhenCalledFromAListener() throws Exception {
        ThreadBaseline threads = ThreadBaseline.take();
        ConnectionEvents events = new ConnectionEvents();
        CountDownLatch closedFromListener = new CountDownLatch(1);
        EventRecorder recorder = new EventRecorder();
        events.addListener(recorder);
        events.addListener(e -> {
            if (e.state() == CONNECTED) {
                shutdownQuietly(events);
                closedFromListener.countDown();
            }
        });
        events.publish(CONNECTED, "up", null);
        assertThat(closedFromListener.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("no self-wait").isTrue();
        recorder.await(CLOSED, WAIT);
        events.shutdown(WAIT);
        threads.assertRestored(WAIT);
    }

    private static void shutdownQuietly(ConnectionEvents events) {
        try {
            events.shutdown(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
