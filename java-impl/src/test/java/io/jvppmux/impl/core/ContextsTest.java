package io.jvppmux.impl.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ContextsTest {
    @Test
    void packsChannelMultipartAndSequenceAsGoVpp() {
        int ctx = Contexts.context(0x7FFF, true, 0xFFFF);
        assertThat(ctx).isEqualTo(0xFFFFFFFF);
        assertThat(Contexts.channelId(ctx)).isEqualTo(0x7FFF);
        assertThat(Contexts.isMultipart(ctx)).isTrue();
        assertThat(Contexts.seq(ctx)).isEqualTo(0xFFFF);
        int plain = Contexts.context(1, false, 0);
        assertThat(plain).isEqualTo(1 << 17).isNotZero();
        assertThat(Contexts.isMultipart(plain)).isFalse();
    }

    @Test
    void rejectsChannelIdsOutsideFifteenBits() {
        assertThatThrownBy(() -> Contexts.context(0, false, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Contexts.context(0x8000, false, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sequenceComparisonWrapsOverHalfWindow() {
        assertThat(Contexts.compareSeq(5, 5)).isZero();
        assertThat(Contexts.compareSeq(4, 5)).isEqualTo(-1);
        assertThat(Contexts.compareSeq(6, 5)).isEqualTo(1);
        assertThat(Contexts.compareSeq(0xFFFF, 0)).as("0xFFFF is just before 0 after the wrap").isEqualTo(-1);
        assertThat(Contexts.compareSeq(0, 0xFFFF)).isEqualTo(1);
        assertThat(Contexts.compareSeq(0, 0x8000)).as("exactly half a window behind is older").isEqualTo(-1);
        assertThat(Contexts.compareSeq(0, 0x8001)).isEqualTo(1);
    }
}
