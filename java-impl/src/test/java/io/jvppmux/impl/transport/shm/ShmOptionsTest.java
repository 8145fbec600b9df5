package io.jvppmux.impl.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.shim.RxMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShmOptionsTest {
    @Test
    void defaultsAndBadValuesNameTheirKey() {
        assertThat(ShmOptions.defaults()).isEqualTo(new ShmOptions(RxMode.CALLBACK, Duration.ofSeconds(8),
                Duration.ofNanos(75_000)));
        assertThatThrownBy(() -> new ShmOptions(RxMode.READ, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("jvppmux.shm.disconnectTimeoutMillis");
        assertThatThrownBy(() -> new ShmOptions(RxMode.READ, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessage("jvppmux.shm.replySpinMicros: 2000000 us must be between 0 and 1,000,000");
        assertThat(ShmOptions.defaults().bytesInFlight()).isEqualTo(4L << 20);
        assertThatThrownBy(() -> new ShmOptions(RxMode.READ, Duration.ofSeconds(1), Duration.ZERO, 1_000))
                .hasMessage("jvppmux.shm.bytesInFlight: 1000 must be at least 65536");
    }

    @Test
    void systemPropertiesOverrideTheDefaults() {
        System.setProperty(ShmOptions.RX_MODE, "read");
        System.setProperty(ShmOptions.DISCONNECT_TIMEOUT, "2500");
        System.setProperty(ShmOptions.REPLY_SPIN, "0");
        System.setProperty(ShmOptions.BYTES_IN_FLIGHT, "8388608");
        try {
            assertThat(ShmOptions.fromSystemProperties()).isEqualTo(new ShmOptions(RxMode.READ, Duration.ofMillis(2500),
                    Duration.ZERO, 8L << 20));
            assertThat(new ShmTransport(ShmOptions.fromSystemProperties()).maxBytesInFlight()).isEqualTo(8L << 20);
            System.setProperty(ShmOptions.BYTES_IN_FLIGHT, "lots");
            assertThatThrownBy(ShmOptions::fromSystemProperties).hasMessage("jvppmux.shm.bytesInFlight: 'lots' is not a number");
            System.clearProperty(ShmOptions.BYTES_IN_FLIGHT);
            System.setProperty(ShmOptions.RX_MODE, "poll");
            assertThatThrownBy(ShmOptions::fromSystemProperties).hasMessage("jvppmux.shm.rxMode: 'poll' must be callback or read");
        } finally {
            System.clearProperty(ShmOptions.RX_MODE);
            System.clearProperty(ShmOptions.DISCONNECT_TIMEOUT);
            System.clearProperty(ShmOptions.REPLY_SPIN);
            System.clearProperty(ShmOptions.BYTES_IN_FLIGHT);
        }
    }
}
