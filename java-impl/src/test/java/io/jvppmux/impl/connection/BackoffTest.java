package io.jvppmux.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BackoffTest {
    @Test
    void doublesFromTheFirstDelayUpToTheCapAndStartsOverOnReset() {
        Backoff b = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100));
        assertThat(new long[] {b.next().toMillis(), b.next().toMillis(), b.next().toMillis(), b.next().toMillis(),
                b.next().toMillis(), b.next().toMillis()}).containsExactly(10, 20, 40, 80, 100, 100);
        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void aFirstDelayAboveTheCapIsCapped() {
        Backoff b = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void neverOverflows() {
        Backoff b = new Backoff(Duration.ofDays(1000), Duration.ofDays(365 * 100));
        for (int i = 0; i < 100; i++) {
            assertThat(b.next()).isPositive().isLessThanOrEqualTo(Duration.ofDays(365 * 100));
        }
    }
}
