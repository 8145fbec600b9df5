package io.jvppmux.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The C baseline: a C client ({@link CBuild}) in its own process, connected to the same VPP for the whole
 * bench and driven through its stdin (one command per round: {@code sync N} or {@code async N W}, answered by
 * {@code done NANOS}), so that its rounds interleave with the Java drivers' like any other driver's. One
 * caller thread; allocation and CPU columns do not apply to it.
 */
final class CDriver implements Driver {
    static final String NAME = "c";
    private static final long READY_SECONDS = 30;
    private static final long ROUND_LIMIT_SECONDS = 600;
    private static final long POLL_MILLIS = 200;

    private final Path dir;
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path stderr;
    private final int window;

    private CDriver(Path dir, List<String> command, int window) {
        this.dir = dir;
        this.window = window;
        this.stderr = dir.resolve("stderr.txt");
        try {
            process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the C baseline " + command + ": " + e.getMessage(), e);
        }
        commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        Thread reader = new Thread(this::readLines, "jvppmux-bench-c-out");
        reader.setDaemon(true);
        reader.start();
        try {
            String ready = next(READY_SECONDS);
            if (!"ready".equals(ready)) {
                throw new IllegalStateException("the C baseline did not connect: " + why(ready));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Builds and starts the C client for the target of {@code s}, connected to {@code socketPath} or over shm. */
    static CDriver start(BenchSettings s, CBuild build, Path socketPath, String shmPrefix) {
        Path dir;
        try {
            dir = Files.createTempDirectory("jvppmux-c-baseline");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the C baseline: " + e.getMessage(), e);
        }
        try {
            List<String> command = new ArrayList<>();
            if (s.where().isShm()) {
                command.add(build.shmClient(dir, s.vppapiclient()).toString());
                command.add(shmPrefix == null ? "" : shmPrefix);
            } else {
                command.add(build.socketClient(dir).toString());
                command.add(socketPath.toString());
            }
            command.add("jvppmux-bench-c");
            return new CDriver(dir, command, s.window());
        } catch (RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    private void readLines() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line.strip());
            }
        } catch (IOException e) {
            // the process ended: next() reports it with its stderr
        }
    }

    /** The next line from the C client within {@code seconds}; null when it ended or stayed silent. */
    private String next(long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (System.nanoTime() < deadline) {
                String line = lines.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (line != null) {
                    return line;
                }
                if (!process.isAlive() && lines.isEmpty()) {
                    return null;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private String why(String line) {
        String err = "";
        try {
            err = Files.readString(stderr).strip();
        } catch (IOException e) {
            err = "(its stderr is unreadable: " + e.getMessage() + ")";
        }
        String state = process.isAlive() ? "no answer in time" : "it exited with " + process.exitValue();
        return (line != null ? "unexpected '" + line + "'; " : "") + state + (err.isEmpty() ? "" : ": " + err);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean inProcess() {
        return false;
    }

    @Override
    public Caller caller(int thread, int threads) {
        if (threads != 1) {
            throw new IllegalArgumentException("the C baseline has one caller thread: use --threads 1");
        }
        return (mode, n, latency, progress) -> {
            send(mode == Mode.SYNC ? "sync " + n : "async " + n + " " + window);
            String done = next(ROUND_LIMIT_SECONDS);
            if (done == null || !done.startsWith("done ")) {
                throw new IllegalStateException("the C baseline failed: " + why(done));
            }
            progress.add(n);
        };
    }

    private void send(String command) {
        try {
            commands.write(command + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the C baseline does not take commands: " + why(null), e);
        }
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                commands.write("quit\n");
                commands.flush();
            }
        } catch (IOException e) {
            // it is gone already
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteQuietly(dir);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
