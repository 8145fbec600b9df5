package io.jvppmux.impl.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.spi.VppPresence;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VPP's API segment file as the reconnect sees it: missing, the stale file of the last attempt, a new VPP's file. */
class SegmentPresenceTest {
    @TempDir
    Path shm;

    @Test
    void aMissingSegmentIsAbsentAndANewOneIsPresent() throws Exception {
        SegmentPresence p = new SegmentPresence(shm);
        assertThat(p.apiSegment("vpp1")).isEqualTo(shm.resolve("vpp1-vpe-api"));
        assertThat(p.apiSegment("")).isEqualTo(shm.resolve("vpe-api"));
        assertThat(p.presence("vpp1")).isEqualTo(VppPresence.ABSENT);
        Files.createFile(shm.resolve("vpp1-vpe-api"));
        assertThat(p.presence("vpp1")).as("a VPP started").isEqualTo(VppPresence.PRESENT);
        assertThat(p.presence("")).as("another prefix").isEqualTo(VppPresence.ABSENT);
    }

    @Test
    void theFileTheLastAttemptFoundIsAbsentUntilARestartedVppReplacesIt() throws Exception {
        SegmentPresence p = new SegmentPresence(shm);
        Path f = Files.createFile(shm.resolve("vpe-api"));
        p.tried("");
        assertThat(p.presence("")).as("the file a killed VPP leaves").isEqualTo(VppPresence.ABSENT);
        Path moved = Files.move(f, shm.resolve("keep-inode"));   // keeps the old inode alive, as a mapping would
        Files.createFile(shm.resolve("vpe-api"));
        assertThat(p.presence("")).as("a restarted VPP's new file").isEqualTo(VppPresence.PRESENT);
        p.tried("");
        assertThat(p.presence("")).as("tried: no news any more").isEqualTo(VppPresence.ABSENT);
        Files.delete(moved);
    }
}
