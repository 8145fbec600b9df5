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
    }

    @Test
    void systemPropertiesOverrideTheDefaults() {
        System.setProperty(ShmOptions.RX_MODE, "read");
        System.setProperty(ShmOptions.DISCONNECT_TIMEOUT, "2500");
        System.setProperty(ShmOptions.REPLY_SPIN, "0");
        try {
            assertThat(ShmOptions.fromSystemProperties()).isEqualTo(new ShmOptions(RxMode.READ, Duration.ofMillis(2500),
                    Duration.ZERO));
            System.setProperty(ShmOptions.RX_MODE, "poll");
            assertThatThrownBy(ShmOptions::fromSystemProperties).hasMessage("jvppmux.shm.rxMode: 'poll' must be callback or read");
        } finally {
            System.clearProperty(ShmOptions.RX_MODE);
            System.clearProperty(ShmOptions.DISCONNECT_TIMEOUT);
            System.clearProperty(ShmOptions.REPLY_SPIN);
        }
    }
}
