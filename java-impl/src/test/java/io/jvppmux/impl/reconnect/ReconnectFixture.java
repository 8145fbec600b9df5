package io.jvppmux.impl.reconnect;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.testing.EventRecorder;
import io.jvppmux.impl.testing.Face;
import io.jvppmux.impl.testing.ThreadBaseline;
import io.jvppmux.mock.MockVpp;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * A mux connected to a fresh mock-vpp through one {@link Face}, with fast health-check and reconnect settings
 * (probe every 50 ms, 50 ms timeout, 3 misses: tolerant of a loaded 2-core CI machine; reconnect backoff
 * 10 ms doubling to 100 ms) and an
 * {@link EventRecorder}. After each test the mux, the face and the mock are closed and the JVM's threads
 * must be back to what they were before it.
 */
@Timeout(30)
abstract class ReconnectFixture {
    /** Bound of every wait for the mux to react. */
    static final Duration WAIT = Duration.ofSeconds(10);

    protected MockVpp vpp;
    protected Face face;
    protected JvppMux mux;
    protected EventRecorder events;
    private ThreadBaseline threads;

    /** The face this suite runs over. */
    protected abstract Face newFace();

    /** The settings of the mux each test starts with. */
    protected MuxConfig.Builder config() {
        return fast();
    }

    /** Fast health-check and reconnect settings. */
    static MuxConfig.Builder fast() {
        return MuxConfig.builder()
                .replyTimeout(Duration.ofSeconds(2))
                .healthCheckProbeInterval(Duration.ofMillis(50))
                .healthCheckReplyTimeout(Duration.ofMillis(50))
                .healthCheckThreshold(3)
                .retryConnectTimeout(Duration.ofMillis(10))
                .reconnectBackoffMax(Duration.ofMillis(100));
    }

    @BeforeEach
    void start() {
        threads = ThreadBaseline.take();
        vpp = MockVpp.builder().receivedLogCapacity(200_000).start();
        face = newFace();
        connect(config().build());
    }

    /** Replaces the test's mux by a new one with {@code config} (and a new recorder). */
    protected void connect(MuxConfig config) {
        if (mux != null) {
            mux.close();
        }
        mux = face.connect(vpp, config);
        events = new EventRecorder();
        mux.addConnectionListener(events);
    }

    @AfterEach
    void stop() throws InterruptedException {
        mux.close();
        face.close();
        vpp.close();
        threads.assertRestored(Duration.ofSeconds(5));
    }
}
