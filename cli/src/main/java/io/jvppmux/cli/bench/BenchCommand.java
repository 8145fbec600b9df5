package io.jvppmux.cli.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jvppmux bench}: the counterpart of GoVPP's perf-bench. Sends {@code control_ping}s through the mux,
 * synchronously (round trips timed with HdrHistogram) and pipelined with a bounded window, over N channels
 * from T caller threads, to an embedded mock-vpp (in-process by default, over its socket, or through the shm
 * transport and the test libvppapiclient) or a live VPP (socket or shared memory). {@code --baseline} drives the same kind of transport without the mux, in the same process,
 * interleaved round by round with the mux, and ends the report with {@code ratio async=X.XX sync=Y.YY}.
 * {@code --stalled-channel} measures head-of-line blocking instead ({@link StalledChannelBench}).
 * A progress line goes to stderr about once a second on long runs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark control_ping through jvppmux (GoVPP perf-bench's counterpart).",
                "Default target: an embedded mock-vpp, in-process. --baseline also drives the bare transport "
                        + "and prints 'ratio async=X.XX sync=Y.YY' (mux / raw) last. --stalled-channel measures "
                        + "whether a channel that never reads its replies slows the others' round trips."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = {"-n", "--requests"}, paramLabel = "N", defaultValue = "20000",
            description = "sync requests per round and driver (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--async-requests", paramLabel = "N",
            description = "async requests per round and driver (default: 10 x --requests)")
    Integer asyncRequests;

    @Option(names = "--warmup-rounds", paramLabel = "N", defaultValue = "2",
            description = "unmeasured rounds of every driver and mode first (default: ${DEFAULT-VALUE})")
    int warmupRounds;

    @Option(names = "--rounds", paramLabel = "N",
            description = "measured rounds, drivers interleaved in each (default: 5; --stalled-channel: 10 rounds of "
                    + "each kind)")
    Integer rounds;

    @Option(names = "--mode", paramLabel = "sync|async|both", defaultValue = "both",
            description = "synchronous round trips, pipelined requests, or both (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = {"-w", "--window"}, paramLabel = "N", defaultValue = "100",
            description = "async: requests in flight per caller thread (default: ${DEFAULT-VALUE})")
    int window;

    @Option(names = {"-c", "--channels"}, paramLabel = "N", defaultValue = "1",
            description = "mux channels the callers share round-robin (default: ${DEFAULT-VALUE})")
    int channels;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "caller threads (default: 1; --stalled-channel: 4 worker channels, a thread each)")
    Integer threads;

    @Option(names = "--idle-channels", paramLabel = "N", defaultValue = "0",
            description = "also run a second mux with N extra idle channels open, and print its throughput "
                    + "relative to the mux without them (default: ${DEFAULT-VALUE})")
    int idleChannels;

    @Option(names = "--baseline",
            description = "also drive the same transport without the mux (no ring, dispatcher or channels), "
                    + "interleaved, and print the ratio line last")
    boolean baseline;

    @Option(names = "--c-baseline",
            description = "also run a plain C client (built now with --cc from the C source in the jar: libc only for "
                    + "the socket, VPP's vppapiclient.h and libvppapiclient.so for --shm) against the same VPP, "
                    + "interleaved, and print 'ratio-to-c async=X.XX sync=Y.YY' (mux / C) last; --socket, --shm "
                    + "or --mock-socket, one caller thread")
    boolean cBaseline;

    @Option(names = "--cc", paramLabel = "COMPILER", defaultValue = "gcc",
            description = "with --c-baseline: the C compiler (default: ${DEFAULT-VALUE})")
    String cc;

    @Option(names = "--vpp-include", paramLabel = "DIR",
            description = "with --c-baseline --shm: the directory holding vpp-api/client/vppapiclient.h (default: "
                    + "the include/ beside the library's lib/ directory, else /usr/include)")
    Path vppInclude;

    @Option(names = "--stalled-channel",
            description = "head-of-line blocking instead: --threads worker channels time sync control_pings for "
                    + "--round-ms per round, rounds with one more channel that sends and never reads its replies "
                    + "interleaved with rounds without it; prints each round and last 'hol p99-ratio=X.XX "
                    + "p50-ratio=Y.YY (stalled/clean, median of R rounds)'")
    boolean stalledChannel;

    @Mixin
    StallOptions stall = new StallOptions();

    @Option(names = "--mock-socket", description = "embedded mock-vpp over its UNIX socket server (socket transport)")
    boolean mockSocket;

    @Option(names = "--socket", paramLabel = "PATH", description = "a live VPP's API socket, e.g. /run/vpp/api.sock")
    Path socket;

    @Option(names = "--shm", description = "a live VPP over shared memory (jvpp-shim + libvppapiclient); "
            + "one connection per process, so no --baseline or --idle-channels")
    boolean shm;

    @Option(names = "--shm-prefix", paramLabel = "PREFIX", description = "with --shm: VPP's shared-memory prefix")
    String shmPrefix;

    @Option(names = "--vppapiclient", paramLabel = "PATH", description = "with --shm: the libvppapiclient.so to load")
    Path vppapiclient;

    @Option(names = "--mock-shm", paramLabel = "LIBVPPAPICLIENT",
            description = "embedded mock-vpp through the shm transport and jvpp-shim's test libvppapiclient at this "
                    + "path (jvpp-shim/target/test-classes/fake-vac/linux-x86_64/libvppapiclient.so)")
    Path mockShm;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "5000",
            description = "bound of every wait for a reply (default: ${DEFAULT-VALUE})")
    long timeoutMillis;

    @Option(names = "--wait", paramLabel = "STRATEGY", defaultValue = "default",
            description = "dispatcher wait strategy: default (the mux's), blocking, lite-blocking (these leave the core "
                    + "alone), sleeping, yielding, busy-spin (default: ${DEFAULT-VALUE})")
    String wait;

    @Option(names = "--caller-reads", paramLabel = "true|false", defaultValue = "true", arity = "1",
            description = "socket: a thread waiting for its reply reads the socket itself while no other thread does "
                    + "(MuxOptions.withCallerReads); false: the receive thread reads everything (default: ${DEFAULT-VALUE})")
    boolean callerReads;

    @Option(names = "--callback-threads", paramLabel = "N", defaultValue = "2",
            description = "mux threads completing futures (default: ${DEFAULT-VALUE})")
    int callbackThreads;

    @Option(names = "--async-api", paramLabel = "context|future", defaultValue = "context",
            description = "async through sendRequest/receiveReply or callAsync futures (default: ${DEFAULT-VALUE})")
    String asyncApi;

    @Option(names = "--per-round", description = "print every round's requests/s before the table")
    boolean perRound;

    @Option(names = {"-q", "--quiet"}, description = "no progress line on stderr")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "log the library's info messages to stderr")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchSettings s = settings();
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        if (stalledChannel) {
            new StalledChannelBench(s, stall.settings(this::bad), spec.commandLine().getOut()).run();
        } else {
            new BenchRunner(s, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
        }
        return 0;
    }

    /** The options, checked; a bad one is a ParameterException (exit 2). */
    BenchSettings settings() {
        int rounds = this.rounds != null ? this.rounds : stalledChannel ? 10 : 5;
        int threads = this.threads != null ? this.threads : stalledChannel ? 4 : 1;
        positive("--requests", requests);
        positive("--rounds", rounds);
        positive("--window", window);
        positive("--channels", channels);
        positive("--threads", threads);
        positive("--timeout-ms", timeoutMillis);
        if (warmupRounds < 0 || idleChannels < 0) {
            throw bad("--warmup-rounds and --idle-channels must be >= 0");
        }
        long async = asyncRequests != null ? asyncRequests : 10L * requests;
        positive("--async-requests", async);
        if (async > Integer.MAX_VALUE) {
            throw bad("--async-requests must be at most " + Integer.MAX_VALUE + ": " + async);
        }
        if (threads > 1024 || channels > 1024 || idleChannels > 30_000) {
            throw bad("at most 1024 threads, 1024 channels and 30000 idle channels");
        }
        if (callbackThreads < 1 || callbackThreads > 64) {
            throw bad("--callback-threads must be in 1..64: " + callbackThreads);
        }
        if (window > 32_767) {
            throw bad("--window must be at most 32767: " + window);
        }
        Where where = where();
        if (where.isShm() && (baseline || idleChannels > 0)) {
            throw bad("libvppapiclient allows one connection per process: --shm and --mock-shm run the mux alone "
                    + "(no --baseline, no --idle-channels)");
        }
        if ((shmPrefix != null || vppapiclient != null) && where != Where.SHM) {
            throw bad("--shm-prefix and --vppapiclient go with --shm");
        }
        CBuild c = cBuild(where);
        if (stalledChannel && (baseline || c != null || idleChannels > 0)) {
            throw bad("--stalled-channel runs the mux alone: no --baseline, --c-baseline or --idle-channels");
        }
        return new BenchSettings(requests, (int) async, warmupRounds, rounds, modes(), window, channels, threads, idleChannels, baseline,
                where, socket, shmPrefix, mockShm != null ? mockShm : vppapiclient, Duration.ofMillis(timeoutMillis), waitStrategy(), callbackThreads, callerReads, api(), !quiet,
                perRound, c);
    }

    /** The C baseline's build settings, or null without --c-baseline. */
    private CBuild cBuild(Where where) {
        if (!cBaseline) {
            if (vppInclude != null) {
                throw bad("--vpp-include goes with --c-baseline --shm");
            }
            return null;
        }
        if (where != Where.SOCKET && where != Where.SHM && where != Where.MOCK_SOCKET) {
            throw bad("--c-baseline needs --socket PATH, --shm or --mock-socket (a C client needs a socket or VPP's "
                    + "shared memory to talk to)");
        }
        if (threads != null && threads != 1) {
            throw bad("--c-baseline: the C client is one caller thread; use --threads 1");
        }
        if (vppInclude != null && where != Where.SHM) {
            throw bad("--vpp-include goes with --c-baseline --shm");
        }
        if (cc.isBlank()) {
            throw bad("--cc must name a C compiler");
        }
        return new CBuild(cc, vppInclude);
    }

    private Where where() {
        int chosen = (mockSocket ? 1 : 0) + (socket != null ? 1 : 0) + (shm ? 1 : 0) + (mockShm != null ? 1 : 0);
        if (chosen > 1) {
            throw bad("choose one of --mock-socket, --socket, --shm and --mock-shm");
        }
        if (mockShm != null && !java.nio.file.Files.isRegularFile(mockShm)) {
            throw bad("--mock-shm: no test libvppapiclient at " + mockShm + " (build jvpp-shim's tests first)");
        }
        return socket != null ? Where.SOCKET : mockSocket ? Where.MOCK_SOCKET : shm ? Where.SHM
                : mockShm != null ? Where.MOCK_SHM : Where.MOCK_IN_PROCESS;
    }

    private List<Mode> modes() {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "sync" -> List.of(Mode.SYNC);
            case "async" -> List.of(Mode.ASYNC);
            case "both" -> List.of(Mode.ASYNC, Mode.SYNC);
            default -> throw bad("--mode must be sync, async or both: " + mode);
        };
    }

    private WaitStrategies waitStrategy() {
        String w = wait.toLowerCase(Locale.ROOT);
        for (WaitStrategies ws : WaitStrategies.values()) {
            if (ws.label().equals(w)) {
                return ws;
            }
        }
        throw bad("--wait must be default, blocking, lite-blocking, sleeping, yielding or busy-spin: " + wait);
    }

    private AsyncApi api() {
        return switch (asyncApi.toLowerCase(Locale.ROOT)) {
            case "context" -> AsyncApi.CONTEXT;
            case "future" -> AsyncApi.FUTURE;
            default -> throw bad("--async-api must be context or future: " + asyncApi);
        };
    }

    private void positive(String name, long v) {
        if (v < 1) {
            throw bad(name + " must be at least 1: " + v);
        }
    }

    ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The exception's message (or its type when it has none), on one line. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return m.replaceAll("\\s*\\R\\s*", " ");
    }
}
