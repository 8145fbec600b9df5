package io.jvppmux.impl.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real VPP owned by a test, started from a VPP folder ({@link LiveVpp#VPP_HOME}) through its
 * {@code run-vpp.sh}, in a run directory and shared-memory prefix of its own, so that a test may kill, freeze
 * or restart it without disturbing any other VPP. {@link #close()} always stops it and deletes the run
 * directory. Every wait is bounded. Needs root (VPP maps its memory and creates {@code /dev/shm} files).
 *
 * <pre>{@code
 * try (VppProcess vpp = VppProcess.start(home, "burst")) {
 *     vpp.vppctlExec(lines);              // e.g. 2,000 "create loopback interface" lines, one vppctl run
 *     long before = vpp.pid();
 *     vpp.kill();                         // SIGKILL, as a crash: sockets and shm files stay
 *     vpp.restart();                      // a new pid, same sockets and prefix
 * }
 * }</pre>
 */
public final class VppProcess implements AutoCloseable {
    /** Bound of {@code run-vpp.sh start} (it waits up to 30 s itself) and of {@code stop}. */
    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    /** Bound of one {@code vppctl} command. */
    static final Duration VPPCTL_TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Path home;
    private final Path tmp;
    private final Path runDir;
    private final String prefix;
    private volatile Map<String, String> env = Map.of();
    private volatile boolean frozen;
    private volatile boolean closed;

    private VppProcess(Path home, Path tmp, String prefix) {
        this.home = home;
        this.tmp = tmp;
        this.runDir = tmp.resolve("run");
        this.prefix = prefix;
    }

    /**
     * Starts a VPP from {@code home} (a folder with {@code run-vpp.sh}, {@code bin/vppctl}), its run directory
     * a fresh temporary directory and its shm prefix {@code jvppmux<pid><n><name>}.
     *
     * @param name a short word naming the test (letters and digits), part of the prefix
     * @throws IllegalArgumentException when {@code home} has no {@code run-vpp.sh} or {@code name} is unfit
     * @throws IllegalStateException    when VPP does not come up (with VPP's output)
     */
    public static VppProcess start(Path home, String name) {
        if (!name.matches("[A-Za-z0-9]{1,16}")) {
            throw new IllegalArgumentException("VPP name must be 1-16 letters or digits: '" + name + "'");
        }
        if (!Files.isExecutable(home.resolve("run-vpp.sh"))) {
            throw new IllegalArgumentException("not a VPP folder with run-vpp.sh: " + home.toAbsolutePath());
        }
        String prefix = "jvppmux" + ProcessHandle.current().pid() + "n" + SEQUENCE.incrementAndGet() + name;
        try {
            Path tmp = Files.createTempDirectory("jvppmux-vpp-" + name);
            VppProcess vpp = new VppProcess(home.toAbsolutePath().normalize(), tmp, prefix);
            vpp.restart();
            return vpp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a run directory for VPP '" + name + "'", e);
        }
    }

    /** Starts a VPP from {@link LiveVpp#VPP_HOME}; skips the calling test without one (fails it when required). */
    public static VppProcess startFromEnvironment(String name) {
        return start(Path.of(LiveVpp.require(LiveVpp.VPP_HOME, "a VPP of the test's own")), name);
    }

    /**
     * Starts VPP again after {@link #kill()} or {@link #stop()} (or the first time): same run directory, sockets
     * and prefix, a new pid.
     *
     * @return the new pid
     * @throws IllegalStateException when it does not come up, or already runs
     */
    public long restart() {
        checkOpen();
        ScriptResult r = script("start", runDir.toString(), prefix);
        if (r.exitCode != 0) {
            throw new IllegalStateException("VPP did not start in " + runDir + " (run-vpp.sh exit " + r.exitCode
                    + "):\n" + r.output + "\n" + tail("vpp.out", 20));
        }
        Map<String, String> parsed = new HashMap<>();
        for (String line : r.output.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("JVPPMUX_LIVE_") && eq > 0) {
                parsed.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        if (!parsed.containsKey(LiveVpp.SOCKET) || !parsed.containsKey("JVPPMUX_LIVE_PID")) {
            throw new IllegalStateException("run-vpp.sh start printed no " + LiveVpp.SOCKET + "/JVPPMUX_LIVE_PID:\n"
                    + r.output);
        }
        env = Map.copyOf(parsed);
        frozen = false;
        return pid();
    }

    /**
     * SIGKILL at once, as a crash (what {@code run-vpp.sh kill} does, without its shell's delay before the
     * signal); VPP's sockets and shm files stay behind, as they would. Returns once the process is gone (its
     * sockets close only then: the kernel takes a while to tear down VPP's memory).
     *
     * @return how long the process took to go after the signal
     * @throws IllegalStateException when it is still there {@link #SCRIPT_TIMEOUT} later
     */
    public Duration kill() {
        checkOpen();
        thawQuietly();
        Optional<ProcessHandle> process = ProcessHandle.of(pid());
        long signalled = System.nanoTime();
        process.ifPresent(ProcessHandle::destroyForcibly);
        long deadline = signalled + SCRIPT_TIMEOUT.toNanos();
        while (process.isPresent() && process.get().isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("VPP pid " + pid() + " survived SIGKILL for " + SCRIPT_TIMEOUT);
            }
            sleep(Duration.ofMillis(5));
        }
        return Duration.ofNanos(System.nanoTime() - signalled);
    }

    /** SIGTERM (then SIGKILL after 5 s); removes its sockets and shm files. */
    public void stop() {
        checkOpen();
        thawQuietly();
        requireSuccess(script("stop", runDir.toString()), "stop");
    }

    /** SIGSTOP: VPP stays alive, its sockets open, and answers nothing until {@link #thaw()}. */
    public void freeze() {
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        signal("CONT");
        frozen = false;
    }

    /** Whether the VPP process is alive (also when frozen). */
    public boolean isAlive() {
        return ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Runs {@code vppctl -s cli.sock ARGS...} and returns its output.
     *
     * @throws IllegalStateException when vppctl fails or takes longer than {@link #VPPCTL_TIMEOUT}
     */
    public String vppctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of(vppctlBinary().toString(), "-s", cliSocket().toString()));
        cmd.addAll(List.of(args));
        ScriptResult r = run(cmd, VPPCTL_TIMEOUT);
        if (r.exitCode != 0) {
            throw new IllegalStateException("vppctl " + String.join(" ", args) + " failed (exit " + r.exitCode + "): "
                    + r.output);
        }
        return r.output;
    }

    /** {@link #vppctlExec(List, Duration)} with one minute per 2,000 lines, at least 30 s. */
    public String vppctlExec(List<String> lines) {
        return vppctlExec(lines, Duration.ofSeconds(Math.max(30, lines.size() * 60L / 2000)));
    }

    /**
     * Writes {@code lines} (CLI commands, one a line) into a file of the run directory and runs them in one
     * {@code vppctl -s cli.sock exec FILE}: thousands of commands in one CLI session, e.g. 2,000
     * {@code create loopback interface}. VPP stops at the first line it cannot run and says so
     * ({@code exec: CLI line error: LINE}), which fails this call.
     *
     * @return vppctl's output
     * @throws IllegalStateException when vppctl fails, VPP reports an error for a line, or it takes longer than
     *                               {@code timeout}
     */
    public String vppctlExec(List<String> lines, Duration timeout) {
        Path file = runDir.resolve("exec-" + SEQUENCE.incrementAndGet() + ".cli");
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
            List<String> cmd = List.of(vppctlBinary().toString(), "-s", cliSocket().toString(), "exec", file.toString());
            ScriptResult r = run(cmd, timeout);
            if (r.exitCode != 0 || r.output.lines().anyMatch(l -> l.startsWith("exec: ") || l.contains("unknown input"))) {
                throw new IllegalStateException("vppctl exec of " + lines.size() + " lines failed (exit " + r.exitCode
                        + "): " + firstLines(r.output, 10));
            }
            return r.output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CLI file " + file, e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** The VPP folder it runs from. */
    public Path home() {
        return home;
    }

    /** Its run directory (sockets, startup.conf, vpp.log, vpp.out, vpp.pid). */
    public Path runDir() {
        return runDir;
    }

    /** The binary API socket. */
    public Path socketPath() {
        return Path.of(env.get(LiveVpp.SOCKET));
    }

    /** The stats segment socket. */
    public Path statsSocket() {
        return Path.of(env.get(LiveVpp.STATS_SOCKET));
    }

    /** The CLI socket ({@code vppctl -s}). */
    public Path cliSocket() {
        return Path.of(env.get(LiveVpp.CLI_SOCKET));
    }

    /** Its shared-memory prefix ({@code api-segment { prefix }}). */
    public String shmPrefix() {
        return prefix;
    }

    /** The folder's {@code libvppapiclient.so} (for the shm transport). */
    public Path vppapiclient() {
        return Path.of(env.get(LiveVpp.VPPAPICLIENT));
    }

    /** The folder's {@code bin/vpp_get_stats}, VPP's own stats reader. */
    public Path vppGetStats() {
        return home.resolve("bin/vpp_get_stats");
    }

    /** The folder's API definitions ({@code share/vpp/api}). */
    public Path apiDir() {
        return home.resolve("share/vpp/api");
    }

    /** The pid of the VPP started last. */
    public long pid() {
        return Long.parseLong(env.get("JVPPMUX_LIVE_PID"));
    }

    /** The last {@code lines} lines of a file of the run directory ({@code vpp.log}, {@code vpp.out}). */
    public String tail(String file, int lines) {
        try {
            List<String> all = Files.readAllLines(runDir.resolve(file), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Stops VPP (thawing it first if frozen) and deletes the run directory. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        thawQuietly();
        ScriptResult r = script("stop", runDir.toString());
        closed = true;
        deleteTree(tmp);
        if (r.exitCode != 0) {
            throw new IllegalStateException("run-vpp.sh stop " + runDir + " failed: " + r.output);
        }
    }

    @Override
    public String toString() {
        return "VPP pid " + env.getOrDefault("JVPPMUX_LIVE_PID", "?") + " in " + runDir + " (prefix " + prefix + ")";
    }

    private void signal(String sig) {
        checkOpen();
        ScriptResult r = run(List.of("kill", "-" + sig, Long.toString(pid())), VPPCTL_TIMEOUT);
        if (r.exitCode != 0) {
            throw new IllegalStateException("kill -" + sig + " " + pid() + " failed: " + r.output);
        }
    }

    private void thawQuietly() {
        if (frozen && isAlive()) {
            run(List.of("kill", "-CONT", Long.toString(pid())), VPPCTL_TIMEOUT);
        }
        frozen = false;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private Path vppctlBinary() {
        return home.resolve("bin/vppctl");
    }

    private ScriptResult script(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("run-vpp.sh").toString());
        cmd.addAll(List.of(args));
        return run(cmd, SCRIPT_TIMEOUT);
    }

    private static void requireSuccess(ScriptResult r, String what) {
        if (r.exitCode != 0) {
            throw new IllegalStateException("run-vpp.sh " + what + " failed (exit " + r.exitCode + "): " + r.output);
        }
    }

    /** Runs {@code cmd}, output and error merged; kills it and fails after {@code timeout}. */
    static ScriptResult run(List<String> cmd, Duration timeout) {
        Path out = null;
        try {
            out = Files.createTempFile("jvppmux-cmd", ".out");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish within " + timeout
                        + ": " + firstLines(Files.readString(out), 10));
            }
            return new ScriptResult(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", cmd), e);
        } finally {
            deleteQuietly(out);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String firstLines(String s, int n) {
        return String.join("\n", s.lines().limit(n).toList());
    }

    private static void deleteQuietly(Path p) {
        try {
            if (p != null) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(VppProcess::deleteQuietly);
        } catch (IOException ignored) {
            // already gone
        }
    }

    record ScriptResult(int exitCode, String output) {
    }
}
