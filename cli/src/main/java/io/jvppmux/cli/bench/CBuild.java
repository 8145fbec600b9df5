package io.jvppmux.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the C baseline client for the bench's target from the C source inside the jar, with the machine's C
 * compiler, into a temporary directory: {@code ping_socket.c} (libc only) for a socket, {@code ping_shm.c}
 * against VPP's {@code vppapiclient.h} and {@code libvppapiclient.so} for shared memory.
 *
 * @param compiler   the C compiler command ({@code --cc}, default {@code gcc})
 * @param vppInclude the directory holding {@code vpp-api/client/vppapiclient.h} ({@code --vpp-include}), or null:
 *                   next to the library ({@code <lib>/../include}), else {@code /usr/include}
 */
record CBuild(String compiler, Path vppInclude) {
    /** Where a VPP install keeps libvppapiclient when {@code --vppapiclient} names none. */
    static final List<Path> LIBRARY_CANDIDATES = List.of(Path.of("/usr/lib/x86_64-linux-gnu/libvppapiclient.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/libvppapiclient.so"), Path.of("/usr/lib/libvppapiclient.so"),
            Path.of("/usr/local/lib/libvppapiclient.so"));
    private static final String HEADER = "vpp-api/client/vppapiclient.h";
    private static final long COMPILE_SECONDS = 120;

    /** Compiles the socket client into {@code dir}; returns the program. */
    Path socketClient(Path dir) {
        Path src = extract("ping_socket.c", dir);
        Path out = dir.resolve("ping_socket");
        run(List.of(compiler, "-O2", "-o", out.toString(), src.toString()));
        return out;
    }

    /** Compiles the shared-memory client into {@code dir} against {@code library} (null: the usual places). */
    Path shmClient(Path dir, Path library) {
        Path lib = library != null ? library.toAbsolutePath() : LIBRARY_CANDIDATES.stream().filter(Files::isRegularFile)
                .findFirst().orElseThrow(() -> new IllegalStateException("--c-baseline --shm: no libvppapiclient.so in "
                        + LIBRARY_CANDIDATES + "; name it with --vppapiclient PATH"));
        if (!Files.isRegularFile(lib)) {
            throw new IllegalStateException("--c-baseline --shm: no libvppapiclient at " + lib);
        }
        Path include = includeDir(lib);
        Path src = extract("ping_shm.c", dir);
        Path out = dir.resolve("ping_shm");
        run(List.of(compiler, "-O2", "-o", out.toString(), src.toString(), "-I", include.toString(), lib.toString(),
                "-Wl,-rpath," + lib.getParent(), "-lpthread"));
        return out;
    }

    private Path includeDir(Path lib) {
        List<Path> tried = new ArrayList<>();
        if (vppInclude != null) {
            tried.add(vppInclude);
        } else {
            tried.add(lib.getParent().resolveSibling("include"));
            tried.add(Path.of("/usr/include"));
        }
        for (Path p : tried) {
            if (Files.isRegularFile(p.resolve(HEADER))) {
                return p;
            }
        }
        throw new IllegalStateException("--c-baseline --shm: no " + HEADER + " under " + tried
                + "; name the directory holding vpp-api/ with --vpp-include DIR");
    }

    private static Path extract(String name, Path dir) {
        String resource = "c/" + name;
        try (InputStream in = CBuild.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the C source " + resource + " is missing from the jar");
            }
            Path out = dir.resolve(name);
            Files.copy(in, out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the C source into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMPILE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("compiling the C baseline took over " + COMPILE_SECONDS + " s: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("compiling the C baseline failed (exit " + p.exitValue() + "): "
                        + String.join(" ", command) + ": " + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the C compiler '" + command.get(0) + "' (--cc): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling the C baseline", e);
        }
    }
}
