package io.jvppmux.shim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The native helper that receives VPP's stats segment file descriptor over the stats socket
 * ({@code AF_UNIX}/{@code SOCK_SEQPACKET}, {@code SCM_RIGHTS}), with a receive timeout and close-on-exec.
 * The C side is {@code src/main/c/stats_fd.c}: libc only, no libvppapiclient. Java cannot map a raw fd, so
 * callers open {@code /proc/self/fd/<fd>} read-only, map it, then {@link #close(int)} the fd.
 *
 * <p>Every native call returns a non-negative result or a negative errno; {@link #describe(int)} names it.
 * Availability is exposed rather than thrown from a static initializer: {@link #isAvailable()} and
 * {@link #unavailabilityCause()}. The library is found, in order: already linked; libjvppshim.so (which
 * contains stats_fd.c) loaded once by the shim's own loader ({@link JvppShim#isShimLibraryLoaded()}); the absolute path in
 * system property {@value #PATH_PROPERTY}; then {@code System.loadLibrary("}{@value #LIBRARY_NAME}{@code ")}
 * (a library built from stats_fd.c alone).
 *
 * <p>keep in sync with src/main/c/stats_fd.c
 */
public final class StatsFd {
    /** System property: absolute path of a library that contains stats_fd.c. */
    public static final String PATH_PROPERTY = "jvppmux.statsfd.library";
    /** The name tried with {@link System#loadLibrary(String)}. */
    public static final String LIBRARY_NAME = "jvppmux_statsfd";
    /** Negative errno returned when no client connected or no fd arrived in time. */
    public static final int ETIMEDOUT = 110;

    private static final int ABI = 1;
    private static final String CAUSE = load();

    private StatsFd() {
    }

    /** True when the native functions can be called. */
    public static boolean isAvailable() {
        return CAUSE == null;
    }

    /** Why the native helper is unavailable (every attempt, on one line), or null when it is available. */
    public static String unavailabilityCause() {
        return CAUSE;
    }

    /**
     * Connects to the stats socket at {@code socketPath} and receives the segment's fd.
     *
     * @return the fd (close-on-exec; the caller closes it), or a negative errno: {@code -ENOENT} no socket,
     *         {@code -ECONNREFUSED} stale socket of a dead VPP, {@code -EACCES} no permission,
     *         {@code -ETIMEDOUT} nothing within {@code timeoutMillis}, {@code -EBADMSG} no fd in the answer
     */
    public static int recvSegmentFd(String socketPath, int timeoutMillis) {
        requireAvailable();
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis: " + timeoutMillis + " must be > 0");
        }
        return recvSegmentFd0(socketPath, timeoutMillis);
    }

    /** Closes {@code fd}: 0 or a negative errno. */
    public static int close(int fd) {
        requireAvailable();
        return close0(fd);
    }

    /** For mock-vpp: a listening stats socket at {@code socketPath} (replacing a stale file): fd or -errno. */
    public static int listen(String socketPath) {
        requireAvailable();
        return listen0(socketPath);
    }

    /**
     * For mock-vpp: waits up to {@code timeoutMillis} for one client on {@code listenFd} and sends it a
     * read-only fd of {@code filePath}, as VPP sends its memfd. 0 when served, {@code -ETIMEDOUT} when no
     * client came, another negative errno on failure.
     */
    public static int serveFileOnce(int listenFd, String filePath, int timeoutMillis) {
        requireAvailable();
        return serveFileOnce0(listenFd, filePath, timeoutMillis);
    }

    /** {@code "ECONNREFUSED (errno 111): Connection refused"}-style text for a negative or positive errno. */
    public static String describe(int errno) {
        int e = Math.abs(errno);
        String text = isAvailable() ? strerror0(e) : "see errno(3)";
        return symbol(e) + " (errno " + e + "): " + text;
    }

    private static String symbol(int e) {
        switch (e) {
            case 1: return "EPERM";
            case 2: return "ENOENT";
            case 13: return "EACCES";
            case 20: return "ENOTDIR";
            case 24: return "EMFILE";
            case 36: return "ENAMETOOLONG";
            case 74: return "EBADMSG";
            case 90: return "EMSGSIZE";
            case 91: return "EPROTOTYPE";
            case 110: return "ETIMEDOUT";
            case 111: return "ECONNREFUSED";
            default: return "E?";
        }
    }

    private static void requireAvailable() {
        if (CAUSE != null) {
            throw new UnsatisfiedLinkError(CAUSE);
        }
    }

    private static String load() {
        List<String> attempts = new ArrayList<>();
        if (linked(attempts, "already linked")) {
            return null;
        }
        try { // stats_fd.c is built into libjvppshim.so: let the shim's loader (NativeLoader) load it once
            if (JvppShim.isShimLibraryLoaded()) {
                if (linked(attempts, "libjvppshim")) {
                    return null;
                }
            } else {
                attempts.add(JvppShim.describe());
            }
        } catch (LinkageError e) {
            attempts.add("libjvppshim: " + e);
        }
        String path = System.getProperty(PATH_PROPERTY);
        if (path != null && !path.isBlank()) {
            try {
                if (!Files.isRegularFile(Path.of(path))) {
                    attempts.add(PATH_PROPERTY + "=" + path + ": no such file");
                } else {
                    System.load(Path.of(path).toAbsolutePath().toString());
                    if (linked(attempts, PATH_PROPERTY + "=" + path)) {
                        return null;
                    }
                }
            } catch (UnsatisfiedLinkError | SecurityException e) {
                attempts.add(PATH_PROPERTY + "=" + path + ": " + e.getMessage());
            }
        } else {
            attempts.add(PATH_PROPERTY + " not set");
        }
        try {
            System.loadLibrary(LIBRARY_NAME);
            if (linked(attempts, "loadLibrary(" + LIBRARY_NAME + ")")) {
                return null;
            }
        } catch (UnsatisfiedLinkError | SecurityException e) {
            attempts.add("loadLibrary(" + LIBRARY_NAME + "): " + e.getMessage());
        }
        return "native stats helper (stats_fd.c) unavailable: " + String.join("; ", attempts).replace('\n', ' ');
    }

    private static boolean linked(List<String> attempts, String how) {
        try {
            int abi = abi0();
            if (abi == ABI) {
                return true;
            }
            attempts.add(how + ": ABI " + abi + ", expected " + ABI);
        } catch (UnsatisfiedLinkError e) {
            attempts.add(how + ": not linked");
        }
        return false;
    }

    private static native int abi0();

    private static native int recvSegmentFd0(String socketPath, int timeoutMillis);

    private static native int close0(int fd);

    private static native int listen0(String socketPath);

    private static native int serveFileOnce0(int listenFd, String filePath, int timeoutMillis);

    private static native String strerror0(int errno);
}
