package io.jvppmux.impl.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiTraceEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ApiTraceBufferTest {
    @Test
    void offByDefaultAndRecordsNothingThen() {
        ApiTraceBuffer trace = new ApiTraceBuffer(0);
        trace.sent("show_version", 100, 1);
        assertThat(trace.isEnabled()).isFalse();
        assertThat(trace.entries()).isEmpty();
    }

    @Test
    void keepsTheLastEntriesOldestFirst() {
        ApiTraceBuffer trace = new ApiTraceBuffer(3);
        for (int i = 1; i <= 5; i++) {
            trace.sent("m" + i, i, i);
        }
        trace.received("reply", 9, 5);
        assertThat(trace.entries()).extracting(ApiTraceEntry::message).containsExactly("m4", "m5", "reply");
        assertThat(trace.entries().get(2).direction()).isEqualTo(ApiTraceEntry.Direction.RECEIVED);
        trace.clear();
        assertThat(trace.entries()).isEmpty();
        assertThat(trace.isEnabled()).isTrue();
    }

    @Test
    void switchedOnAndOffAtRunTime() {
        ApiTraceBuffer trace = new ApiTraceBuffer(0);
        trace.enable(2);
        trace.sent("a", 1, 1);
        assertThat(trace.entries()).hasSize(1);
        trace.disable();
        assertThat(trace.entries()).isEmpty();
        assertThatThrownBy(() -> trace.enable(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..1048576");
    }
}
