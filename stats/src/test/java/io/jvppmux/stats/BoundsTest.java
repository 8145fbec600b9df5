package io.jvppmux.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.stats.StatsBusyException;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.StatsPattern;
import io.jvppmux.mock.stats.MockStatsSegment;
import io.jvppmux.mock.stats.MockVppStats;
import io.jvppmux.mock.stats.SegmentWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Garbage pointers, lengths and symlink indices are caught before any access: the read retries and ends in
 * StatsBusyException naming the stat and the offset, never another exception or a crash; once the garbage
 * is gone, reads work again.
 */
class BoundsTest {
    private static final long BASE = SegmentWriter.DEFAULT_BASE;
    @TempDir
    Path dir;

    @Test
    void directoryPointerOutsideTheSegment() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        try (StatsClient c = StatsFixture.client(m)) {
            SegmentWriter w = m.segment().writer();
            long good = w.peek(32);
            w.poke(32, BASE + (64L << 20));
            assertThatThrownBy(() -> c.listStats(StatsPattern.all())).isInstanceOf(StatsBusyException.class)
                    .hasMessageContaining("directory_vector").hasMessageContaining("outside the segment");
            w.poke(32, good);
            assertThat(c.listStats(StatsPattern.all())).contains("/if/rx");
        }
    }

    @Test
    void rowPointerAndVectorLengthGarbage() {
        MockVppStats m = StatsFixture.mock(dir, 2);
        MockStatsSegment s = m.segment();
        s.addSimple("/t/v", 3);
        try (StatsClient c = StatsFixture.client(m)) {
            SegmentWriter w = s.writer();
            long row = s.rowOffset("/t/v", 1);
            int len = (int) (w.peek(row - 8) & 0xFFFFFFFFL);
            w.pokeInt(row - 8, 0x7FFFFFF0);
            assertThatThrownBy(() -> c.dumpStats(StatsPattern.exact("/t/v"))).isInstanceOf(StatsBusyException.class)
                    .hasMessageContaining("/t/v [thread 1]").hasMessageContaining("vector length 2147483632");
            w.pokeInt(row - 8, len);
            long entry = s.entryOffset("/t/v");
            long ptr = w.peek(entry + 8);
            w.poke(entry + 8, BASE - 4096);
            assertThatThrownBy(() -> c.dumpStats(StatsPattern.exact("/t/v"))).isInstanceOf(StatsBusyException.class)
                    .hasMessageContaining("/t/v thread vector: pointer 0x" + Long.toHexString(BASE - 4096));
            w.poke(entry + 8, ptr);
            assertThat(c.dumpStats(StatsPattern.exact("/t/v"))).hasSize(1);
        }
    }

    @Test
    void symlinkIndexAndColumnOutOfRange() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        MockStatsSegment s = m.segment();
        try (StatsClient c = StatsFixture.client(m)) {
            SegmentWriter w = s.writer();
            long entry = s.entryOffset("/interfaces/local0/rx");
            long good = w.peek(entry + 8);
            w.poke(entry + 8, 1_000_000L);
            assertThatThrownBy(() -> c.dumpStats(StatsPattern.prefix("/interfaces/")))
                    .isInstanceOf(StatsBusyException.class)
                    .hasMessageContaining("symlink /interfaces/local0/rx points to directory index 1000000");
            w.poke(entry + 8, (good & 0xFFFFFFFFL) | 99L << 32);
            assertThatThrownBy(() -> c.dumpStats(StatsPattern.prefix("/interfaces/")))
                    .isInstanceOf(StatsBusyException.class).hasMessageContaining("column 99 outside");
            w.poke(entry + 8, good);
            assertThat(c.dumpStats(StatsPattern.prefix("/interfaces/"))).hasSize(17);
        }
    }

    @Test
    void nameWithoutTerminatorIsHalfWritten() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        MockStatsSegment s = m.segment();
        try (StatsClient c = StatsFixture.client(m)) {
            long name = s.entryOffset("/if/rx") + 16;
            SegmentWriter w = s.writer();
            for (int i = 0; i < 128; i += 8) {
                w.poke(name + i, 0x4141414141414141L);
            }
            assertThatThrownBy(() -> c.listStats(StatsPattern.all())).isInstanceOf(StatsBusyException.class)
                    .hasMessageContaining("no NUL within 128 bytes");
        }
    }
}
