package io.jvppmux.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final Sampler<Integer> sampler = new Sampler<>(reads::incrementAndGet, Duration.ofSeconds(1), clock::get);

    @Test
    void readsOnceWithinTheMaximumAgeAndAgainAfterIt() {
        assertThat(sampler.get()).isEqualTo(1);
        clock.addAndGet(999_999_999L);
        assertThat(sampler.get()).as("still young").isEqualTo(1);
        clock.addAndGet(1);
        assertThat(sampler.get()).isEqualTo(2);
        assertThat(sampler.refresh()).as("refresh reads at once").isEqualTo(3);
        assertThat(sampler.get()).isEqualTo(3);
    }

    @Test
    void aNegativeAgeIsRefused() {
        assertThatThrownBy(() -> new Sampler<>(() -> 1, Duration.ofMillis(-1), System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.001");
    }
}
