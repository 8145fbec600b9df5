package io.jvppmux.mock.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mock writes VPP's layout byte by byte (docs/PROTOCOL.md 8.2-8.6), checked here with a separate, minimal
 * reader of the file: header, vector headers, 144-byte entries, pointers relative to base, the EMPTY free
 * list, name strings with their NUL, and the lock protocol.
 */
class SegmentLayoutTest {
    private static final long BASE = SegmentWriter.DEFAULT_BASE;
    @TempDir
    Path dir;

    private static ByteBuffer map(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static int off(ByteBuffer b, long ptr) {
        long o = ptr - b.getLong(8);
        assertThat(o).isBetween(4096L, (long) b.capacity());
        return (int) o;
    }

    private static String name(ByteBuffer b, int entry) {
        byte[] n = new byte[128];
        b.get(entry + 16, n);
        int end = 0;
        while (n[end] != 0) {
            end++;
        }
        return new String(n, 0, end, StandardCharsets.US_ASCII);
    }

    @Test
    void headerDirectoryAndEntriesHaveVppsLayout() throws IOException {
        MockStatsSegment s = MockStatsSegment.create(dir.resolve("seg"), 2, 1 << 20);
        ByteBuffer b = map(s.file());
        assertThat(b.getLong(0)).isEqualTo(2);
        assertThat(b.getLong(8)).isEqualTo(BASE);
        assertThat(b.getLong(24)).as("in_progress").isZero();
        assertThat(b.getLong(40)).as("no legacy error vector").isZero();
        int dir0 = off(b, b.getLong(32));
        assertThat(b.getInt(dir0 - 8)).as("vec len").isEqualTo(3);
        assertThat(b.get(dir0 - 4)).as("hdr_size / 8").isEqualTo((byte) 2);
        assertThat(b.getInt(dir0)).as("type SCALAR").isEqualTo(1);
        assertThat(name(b, dir0)).isEqualTo("/sys/heartbeat");
        assertThat(name(b, dir0 + 144)).isEqualTo("/sys/last_stats_clear");
        assertThat(name(b, dir0 + 288)).isEqualTo("/sys/boottime");
        assertThat(b.getLong(dir0 + 288 + 8)).isEqualTo(1_795_509_951L);
        s.tick();
        assertThat(b.getLong(dir0 + 8)).as("heartbeat").isEqualTo(1);
    }

    @Test
    void countersAreThreadVectorsOfAlignedRowsAndSymlinksPackTwoIndices() throws IOException {
        MockStatsSegment s = MockStatsSegment.create(dir.resolve("seg"), 2, 1 << 20);
        int vi = s.addCombined("/if/rx", 3);
        s.setCombined("/if/rx", 1, 2, 7, 700);
        int li = s.addSymlink("/interfaces/x/rx", "/if/rx", 2);
        ByteBuffer b = map(s.file());
        int dir0 = off(b, b.getLong(32));
        int e = dir0 + vi * 144;
        assertThat(b.getInt(e)).isEqualTo(3);
        int tv = off(b, b.getLong(e + 8));
        assertThat(b.getInt(tv - 8)).as("threads").isEqualTo(2);
        int row1 = off(b, b.getLong(tv + 8));
        assertThat(row1 % 64).as("cache-line aligned").isZero();
        assertThat(b.getInt(row1 - 8)).isEqualTo(3);
        assertThat(b.getLong(row1 + 2 * 16)).isEqualTo(7);
        assertThat(b.getLong(row1 + 2 * 16 + 8)).isEqualTo(700);
        int l = dir0 + li * 144;
        assertThat(b.getInt(l)).as("SYMLINK").isEqualTo(6);
        assertThat(b.getInt(l + 8)).as("index1").isEqualTo(vi);
        assertThat(b.getInt(l + 12)).as("index2").isEqualTo(2);
    }

    @Test
    void removedSlotsFormVppsLifoFreeList() throws IOException {
        MockStatsSegment s = MockStatsSegment.create(dir.resolve("seg"), 1, 1 << 20);
        int a = s.addGauge("/a", 1);
        int bI = s.addGauge("/b", 2);
        s.addGauge("/c", 3);
        long e0 = s.epoch();
        s.remove("/a");
        s.remove("/b");
        assertThat(s.epoch()).isEqualTo(e0 + 2);
        ByteBuffer b = map(s.file());
        int dir0 = off(b, b.getLong(32));
        assertThat(b.getInt(dir0 + a * 144)).as("EMPTY").isEqualTo(5);
        assertThat(b.getLong(dir0 + a * 144 + 8)).as("end of free list").isEqualTo(0xFFFFFFFFL);
        assertThat(b.getLong(dir0 + bI * 144 + 8)).as("link to the previous free slot").isEqualTo(a);
        assertThat(name(b, dir0 + bI * 144)).isEmpty();
        assertThat(s.addGauge("/d", 4)).as("last freed reused first").isEqualTo(bI);
        assertThat(s.addGauge("/e", 5)).isEqualTo(a);
    }

    @Test
    void nameStringsCountTheirNulAndNullSlotsAreZero() throws IOException {
        MockStatsSegment s = MockStatsSegment.create(dir.resolve("seg"), 1, 1 << 20);
        s.addNameVector("/if/names");
        s.setName("/if/names", 2, "local0");
        ByteBuffer b = map(s.file());
        int v = off(b, b.getLong(off(b, b.getLong(32)) + 3 * 144 + 8));
        assertThat(b.getInt(v - 8)).isEqualTo(3);
        assertThat(b.getLong(v)).as("NULL slot").isZero();
        int str = off(b, b.getLong(v + 16));
        assertThat(b.getInt(str - 8)).as("length with NUL").isEqualTo(7);
        assertThat(b.get(str + 6)).isZero();
    }

    @Test
    void lockProtocolAndAStuckWriter() throws IOException {
        MockStatsSegment s = MockStatsSegment.create(dir.resolve("seg"), 1, 1 << 20);
        ByteBuffer b = map(s.file());
        long e = b.getLong(16);
        s.beginUpdate();
        s.beginUpdate();
        assertThat(b.getLong(24)).isEqualTo(1);
        s.endUpdate();
        assertThat(b.getLong(24)).as("re-entrant").isEqualTo(1);
        s.endUpdate();
        assertThat(b.getLong(24)).isZero();
        assertThat(b.getLong(16)).as("one bump per outermost unlock").isEqualTo(e + 1);
        s.set("/sys/heartbeat", 5);
        assertThat(b.getLong(16)).as("scalars written without the lock").isEqualTo(e + 1);
        s.stickInProgress();
        s.addGauge("/x", 1);
        assertThat(b.getLong(24)).isEqualTo(1);
    }

    @Test
    void restartReplacesTheFileWithANewInode() throws IOException {
        MockVppStats m = MockVppStats.create(dir.resolve("seg"), 1, false);
        Object before = Files.getAttribute(m.segment().file(), "unix:ino");
        ByteBuffer old = map(m.segment().file());
        MockVppStats r = m.restart();
        assertThat(r.segment().file()).isEqualTo(m.segment().file());
        assertThat(Files.getAttribute(r.segment().file(), "unix:ino")).isNotEqualTo(before);
        m.tick();
        assertThat(old.getLong(off(old, old.getLong(32)) + 8)).as("old mapping still live for old readers").isEqualTo(1);
        assertThat(Files.exists(dir.resolve("seg.restart"))).isFalse();
    }
}
