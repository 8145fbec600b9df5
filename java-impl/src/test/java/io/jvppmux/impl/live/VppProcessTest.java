package io.jvppmux.impl.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The harness itself, against a VPP of its own: start, CLI files, kill, restart, freeze, close. */
@Timeout(120)
class VppProcessTest {
    @Test
    void ownsOneVppFromStartToClose() throws Exception {
        VppProcess vpp = VppProcess.startFromEnvironment("harness");
        Path run = vpp.runDir();
        long first;
        try {
            first = vpp.pid();
            assertThat(vpp.isAlive()).isTrue();
            assertThat(vpp.socketPath()).isEqualTo(run.resolve("api.sock")).exists();
            assertThat(vpp.statsSocket()).exists();
            assertThat(vpp.shmPrefix()).startsWith("jvppmux").endsWith("harness");
            assertThat(Path.of("/dev/shm", vpp.shmPrefix() + "-vpe-api")).exists();
            assertThat(vpp.vppapiclient()).exists();
            assertThat(vpp.vppGetStats()).exists();
            assertThat(vpp.apiDir().resolve("core")).isDirectory();
            assertThat(vpp.vppctl("show", "version")).startsWith("vpp v");

            vpp.vppctlExec(IntStream.range(0, 3).mapToObj(i -> "create loopback interface").toList());
            assertThat(vpp.vppctl("show", "interface")).contains("loop0", "loop1", "loop2");
            assertThatThrownBy(() -> vpp.vppctlExec(List.of("create loopback interface", "frobnicate now")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("CLI line error: frobnicate now");

            vpp.freeze();
            assertThat(awaitState(first, true)).as("stopped by SIGSTOP").isEqualTo('T');
            vpp.thaw();
            assertThat(awaitState(first, false)).isNotEqualTo('T');

            vpp.kill();
            assertThat(vpp.isAlive()).isFalse();
            long second = vpp.restart();
            assertThat(second).isNotEqualTo(first).isEqualTo(vpp.pid());
            assertThat(vpp.vppctl("show", "interface")).as("a fresh VPP").doesNotContain("loop0");
            assertThatThrownBy(vpp::restart).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already runs");
        } finally {
            vpp.close();
        }
        assertThat(ProcessHandle.of(vpp.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(run).doesNotExist();
        assertThat(Path.of("/dev/shm", vpp.shmPrefix() + "-vpe-api")).doesNotExist();
        assertThatThrownBy(vpp::kill).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        vpp.close();
    }

    @Test
    void refusesAFolderWithoutRunVppAndABadName() throws Exception {
        Path empty = Files.createTempDirectory("novpp");
        try {
            assertThatThrownBy(() -> VppProcess.start(empty, "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a VPP folder with run-vpp.sh: " + empty);
            assertThatThrownBy(() -> VppProcess.start(empty, "a-b")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("VPP name must be 1-16 letters or digits: 'a-b'");
        } finally {
            Files.delete(empty);
        }
    }

    /** The state letter of /proc/PID/stat (R, S, T for stopped, ...) once it is (or is not) T, or after 5 s. */
    private static char awaitState(long pid, boolean stopped) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        char state;
        do {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            state = stat.charAt(stat.lastIndexOf(')') + 2);
            if ((state == 'T') == stopped) {
                return state;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return state;
    }
}
