package io.jvppmux.impl.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.VppTransportException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check of libvppapiclient's fixed mapping range against /proc/self/maps (docs/PROTOCOL.md 2.3). */
class FixedRegionTest {
    @Test
    void mappingsAroundTheRangeAreFineAndOnesTouchingItAreNot() {
        assertThat(FixedRegion.overlap(List.of("12f000000-130000000 rw-p 0 00:00 0", "13400f000-140000000 rw-p 0 00:00 0")))
                .isEmpty();
        assertThat(FixedRegion.overlap(List.of("12f000000-130000001 rw-p 0 00:00 0"))).contains("12f000000-130000001 rw-p 0 00:00 0");
        assertThat(FixedRegion.overlap(List.of("134000000-134001000 r--s 0 00:05 7 /dev/shm/x"))).isPresent();
        assertThat(FixedRegion.overlap(List.of("ffffffffff600000-ffffffffff601000 --xp 0 00:00 0 [vsyscall]", "garbage"))).isEmpty();
    }

    @Test
    void aBigHeapIsRefusedWithTheMappingAndWhatToDo() {
        assertThatThrownBy(() -> FixedRegion.check(List.of("118000000-7fe000000 rw-p 00000000 00:00 0")))
                .isInstanceOf(VppTransportException.class)
                .hasMessageContaining("0x130000000-0x13400f000").hasMessageContaining("118000000-7fe000000")
                .hasMessageContaining("smaller -Xmx").hasMessageContaining("socket transport");
    }

    @Test
    void thisTestJvmLeavesTheRangeFree() {
        List<String> maps = FixedRegion.readSelfMaps();
        assertThat(maps).isNotEmpty();
        assertThat(FixedRegion.overlap(maps)).isEmpty();
    }
}
