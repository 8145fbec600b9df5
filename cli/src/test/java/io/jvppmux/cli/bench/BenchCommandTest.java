package io.jvppmux.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.MuxConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bench command end to end on a few thousand requests: what it prints, never how fast. */
@Timeout(60)
class BenchCommandTest {
    private static final String RATIO = "ratio async=\\d+\\.\\d\\d sync=\\d+\\.\\d\\d";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return BenchMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void muxSettingsComeFromSystemPropertiesAndABadOneIsOneLineNamingTheKey() {
        System.setProperty("jvppmux.ring-size", "3");
        try {
            assertThat(run("-n", "10", "--warmup-rounds", "0", "--rounds", "1", "-q")).isNotZero();
        } finally {
            System.clearProperty("jvppmux.ring-size");
        }
        assertThat(err.toString().strip()).isEqualTo("jvppmux: ring-size: 3 must be a power of two in 64..1048576");
    }

    @Test
    void aHealthProbeMayTakeItsWholeIntervalUnderTheBenchsLoadUnlessItsTimeoutIsSet() {
        MuxConfig defaults = MuxConfig.defaults();
        MuxConfig bench = BenchTarget.forBench(defaults, Duration.ofSeconds(5), false).build();
        assertThat(bench.healthCheckReplyTimeout()).isEqualTo(defaults.healthCheckProbeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(bench.replyTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(BenchTarget.forBench(defaults, Duration.ofSeconds(5), true).build().healthCheckReplyTimeout())
                .as("set by -Djvppmux.health-check-reply-timeout").isEqualTo(defaults.healthCheckReplyTimeout());
    }

    @Test
    void muxAloneInProcessPrintsTheTableWithoutARatio() {
        assertThat(run("-n", "2000", "--warmup-rounds", "1", "--async-requests", "4000", "--rounds", "1", "-q")).isZero();
        assertThat(lines().get(0)).isEqualTo("jvppmux perf-bench: control_ping over mock-vpp in-process");
        assertThat(out.toString()).contains("req/s", "p50 us", "p99 us", "p999 us", "caller B/req", "client B/req");
        assertThat(lines()).anyMatch(l -> l.matches("mux\\s+async\\s+[\\d,]+\\s+[\\d,]+\\.\\.[\\d,]+\\s+-\\s+-\\s+-\\s+.*"));
        assertThat(lines()).anyMatch(l -> l.matches("mux\\s+sync\\s+[\\d,]+\\s+[\\d,]+\\.\\.[\\d,]+(\\s+\\d+\\.\\d){3}\\s+.*"));
        assertThat(out.toString()).doesNotContain("ratio");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void baselineInterleavesRawAndMuxAndEndsWithTheRatioLine() {
        assertThat(run("--baseline", "-n", "2000", "--warmup-rounds", "1", "--async-requests", "4000", "--rounds", "2",
                "-q")).isZero();
        assertThat(lines()).anyMatch(l -> l.startsWith("raw ") && l.contains(" async "))
                .anyMatch(l -> l.startsWith("raw ") && l.contains(" sync "));
        assertThat(lines().get(lines().size() - 1)).matches(RATIO);
    }

    @Test
    void baselineOverTheMockSocketWithThreadsChannelsAndIdleChannels() {
        int exit = run("--baseline", "--mock-socket", "-n", "1000", "--warmup-rounds", "1", "--async-requests", "2000",
                "--rounds", "2", "-t", "2", "-c", "3", "--idle-channels", "50", "-w", "8", "--per-round", "-q");
        assertThat(exit).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isZero();
        assertThat(lines().get(0)).endsWith("over mock-vpp over its socket");
        assertThat(lines()).anyMatch(l -> l.matches("round 2 sync\\s+raw [\\d,]+  mux [\\d,]+  mux\\+idle [\\d,]+"));
        assertThat(lines()).anyMatch(l -> l.startsWith("mux+idle ") && l.contains(" sync "));
        assertThat(lines().get(lines().size() - 2)).matches("idle-channels 50: mux\\+idle/mux async=\\d+\\.\\d\\d sync=\\d+\\.\\d\\d");
        assertThat(lines().get(lines().size() - 1)).matches(RATIO);
    }

    @Test
    void overTheShmTransportWithTheTestLibvppapiclient() {
        Path vac = Path.of("").toAbsolutePath().resolveSibling("jvpp-shim")
                .resolve("target/test-classes/fake-vac/linux-x86_64/libvppapiclient.so");
        Assumptions.assumeTrue(Files.isRegularFile(vac), "jvpp-shim's test libvppapiclient is not built");
        assertThat(run("--mock-shm", vac.toString(), "-n", "500", "--async-requests", "2000", "--warmup-rounds", "0",
                "--rounds", "1", "-q")).isZero();
        assertThat(lines().get(0)).endsWith("through the shm transport and the test libvppapiclient");
        assertThat(lines()).anyMatch(l -> l.startsWith("mux ") && l.contains(" sync "));
        assertThat(run("--mock-shm", vac.toString(), "--baseline")).isEqualTo(2);
    }

    @Test
    void futuresAndAnotherWaitStrategy() {
        assertThat(run("--baseline", "--mode", "async", "--async-api", "future", "--wait", "lite-blocking",
                "--async-requests", "4000", "--warmup-rounds", "0", "--rounds", "1", "-q")).isZero();
        assertThat(out.toString()).contains("callAsync futures", "dispatcher wait lite-blocking");
        assertThat(lines().get(lines().size() - 1)).matches("ratio async=\\d+\\.\\d\\d sync=n/a");
    }

    @Test
    void stalledChannelInterleavesStalledAndCleanRoundsAndShowsTheStallWasReal() {
        assertThat(run("--stalled-channel", "--mock-socket", "-t", "2", "--round-ms", "100", "--rounds", "2",
                "--warmup-rounds", "1", "--stall-rate", "2000", "-q")).as(err.toString()).isZero();
        assertThat(lines().get(0)).isEqualTo("jvppmux bench --stalled-channel: control_ping over mock-vpp over its socket");
        for (String kind : List.of("stalled", "clean")) {
            for (String round : List.of("1", "2", "all")) {
                assertThat(lines()).anyMatch(l -> l.matches(round + "\\s+" + kind + "\\s+[\\d,]+(\\s+\\d+\\.\\d){3}\\s+.*"));
            }
        }
        // every stalled round left its reply buffer's worth unread and had replies overflow while the workers ran
        List<String> stalledRounds = lines().stream().filter(l -> l.matches("[12]\\s+stalled\\s.*")).toList();
        assertThat(stalledRounds).hasSize(2).allSatisfy(l -> {
            Matcher m = Pattern.compile("([\\d,]+) sent, ([\\d,]+) unread, ([\\d,]+) overflowed \\(([\\d,]+)\\), \\d+$").matcher(l);
            assertThat(m.find()).as(l).isTrue();
            assertThat(number(m.group(2))).as("unread in " + l).isEqualTo(100);
            assertThat(number(m.group(3))).as("overflowed in " + l).isPositive();
            assertThat(number(m.group(4))).as("overflowed while measured in " + l).isPositive();
        });
        assertThat(lines()).anyMatch(l -> l.matches("stalled channel over 2 round\\(s\\): [\\d,]+ requests sent, 200 replies "
                + "left unread, [1-9][\\d,]* replies overflowed its reply buffer \\([1-9][\\d,]* while the workers ran\\), "
                + "0 send timeouts"));
        assertThat(lines().get(lines().size() - 1))
                .matches("hol p99-ratio=\\d+\\.\\d\\d p50-ratio=\\d+\\.\\d\\d \\(stalled/clean, median of 2 rounds\\)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void stalledChannelFloodingInProcessTheReadingControlAndBadArguments() {
        assertThat(run("--stalled-channel", "--round-ms", "50", "--rounds", "1", "--warmup-rounds", "0",
                "--stall-rate", "0", "-q")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("as fast as its request buffer allows");
        assertThat(lines().get(lines().size() - 1)).endsWith("(stalled/clean, median of 1 rounds)");
        assertThat(run("--stalled-channel", "--reading-control", "-t", "1", "--round-ms", "50", "--rounds", "1",
                "--warmup-rounds", "0", "--stall-buffers", "10", "-q")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("(request and reply buffers 10)");
        assertThat(lines()).anyMatch(l -> l.matches("1\\s+reading\\s+.*[\\d,]+ sent, 0 unread, 0 overflowed \\(0\\), 0"))
                .anyMatch(l -> l.matches("1\\s+stalled\\s+.*[\\d,]+ sent, 10 unread, [1-9][\\d,]* overflowed .*"))
                .anyMatch(l -> l.matches("load p99-ratio=\\d+\\.\\d\\d p50-ratio=\\d+\\.\\d\\d \\(reading/clean, median of 1 rounds\\)"))
                .anyMatch(l -> l.matches("stall p99-ratio=\\d+\\.\\d\\d p50-ratio=\\d+\\.\\d\\d \\(stalled/reading, median of 1 rounds\\)"));
        assertThat(lines().get(lines().size() - 1)).startsWith("hol p99-ratio=");
        assertThat(run("--stalled-channel", "--baseline")).isEqualTo(2);
        assertThat(run("--stalled-channel", "--round-ms", "0")).isEqualTo(2);
        assertThat(run("--stalled-channel", "--stall-rate", "-1")).isEqualTo(2);
        assertThat(run("--stalled-channel", "--stall-buffers", "0")).isEqualTo(2);
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }

    @Test
    void aShortRunPrintsNoProgressLine() {
        assertThat(run("--mode", "sync", "-n", "1000", "--warmup-rounds", "0", "--rounds", "1")).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() {
        assertThat(run("--window", "0")).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("jvppmux: --window must be at least 1");
        assertThat(run("--mock-socket", "--socket", "/x")).isEqualTo(2);
        assertThat(run("--mock-shm", "/nonexistent/libvppapiclient.so")).isEqualTo(2);
        assertThat(run("--wait", "spin-forever")).isEqualTo(2);
    }

    @Test
    void anUnreachableVppIsOneLineOnStderrAndExitOne() {
        assertThat(run("--socket", "/nonexistent/api.sock", "-n", "10", "-q")).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("jvppmux: ").contains("/nonexistent/api.sock").doesNotContain("Exception");
    }

    @Test
    void cBaselineBuildsTheCClientRunsItInterleavedAndEndsWithTheRatioToCLine() {
        assertThat(run("--c-baseline", "--baseline", "--mock-socket", "-n", "1000", "--async-requests", "3000",
                "--warmup-rounds", "1", "--rounds", "2", "--per-round", "-q")).as(err.toString()).isZero();
        assertThat(lines()).anyMatch(l -> l.matches("round 2 async\\s+c [\\d,]+  raw [\\d,]+  mux [\\d,]+"));
        assertThat(lines()).anyMatch(l -> l.matches("c\\s+sync\\s+[\\d,]+\\s+[\\d,]+\\.\\.[\\d,]+\\s+-\\s+-\\s+-\\s+n/a\\s+n/a\\s+n/a"));
        assertThat(lines().get(lines().size() - 2)).matches(RATIO);
        assertThat(lines().get(lines().size() - 1)).matches("ratio-to-c async=\\d+\\.\\d\\d sync=\\d+\\.\\d\\d");
    }

    @Test
    void cBaselineNeedsASocketOrShmOneThreadAndAWorkingCompiler() {
        assertThat(run("--c-baseline")).isEqualTo(2);
        assertThat(err.toString()).contains("--c-baseline needs --socket PATH, --shm or --mock-socket");
        assertThat(run("--c-baseline", "--mock-socket", "-t", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("use --threads 1");
        assertThat(run("--vpp-include", "/usr/include", "--mock-socket")).isEqualTo(2);
        assertThat(run("--c-baseline", "--mock-socket", "--cc", "/nonexistent/cc", "-n", "10", "-q")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot run the C compiler '/nonexistent/cc' (--cc)");
    }
}
