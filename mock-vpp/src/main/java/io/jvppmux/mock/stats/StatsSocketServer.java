package io.jvppmux.mock.stats;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves a segment file over a stats socket as VPP does: each client that connects gets one datagram of
 * 0 bytes carrying a read-only fd of the file ({@code SCM_RIGHTS}), then the connection is closed. The
 * file is opened per client, so after {@link MockStatsSegment#restart()} new clients get the new segment.
 *
 * <p>Needs jvpp-shim's native stats helper ({@code io.jvppmux.shim.StatsFd}, looked up reflectively so
 * mock-vpp does not depend on jvpp-shim); {@link #isSupported()} says whether it is there.
 */
public final class StatsSocketServer implements AutoCloseable {
    private static final int POLL_MILLIS = 100;
    private static final String CLASS = "io.jvppmux.shim.StatsFd";
    private final Path socket;
    private final Path file;
    private final int listenFd;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int served;

    private StatsSocketServer(Path socket, Path file, int listenFd) {
        this.socket = socket;
        this.file = file;
        this.listenFd = listenFd;
        this.thread = new Thread(this::loop, "mock-stats-socket " + socket);
        thread.setDaemon(true);
        thread.start();
    }

    /** True when the native helper is on the class path and loadable. */
    public static boolean isSupported() {
        return Native.CAUSE == null;
    }

    /** Why serving is not supported, or null. */
    public static String unsupportedCause() {
        return Native.CAUSE;
    }

    /** Listens on {@code socket} and serves {@code segmentFile} to every client until closed. */
    public static StatsSocketServer serve(Path socket, Path segmentFile) {
        if (!isSupported()) {
            throw new IllegalStateException("cannot serve the stats socket: " + Native.CAUSE);
        }
        int fd = Native.call(Native.listen, socket.toString());
        if (fd < 0) {
            throw new IllegalStateException("cannot listen on " + socket + ": errno " + -fd);
        }
        return new StatsSocketServer(socket, segmentFile, fd);
    }

    /** How many clients were served. */
    public int served() {
        return served;
    }

    private void loop() {
        while (running) {
            int rv = Native.call(Native.serve, listenFd, file.toString(), POLL_MILLIS);
            if (rv == 0) {
                served++;
            }
        }
    }

    /** Stops serving, closes the socket and removes its file (as VPP does on a clean exit). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5 * POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Native.call(Native.close, listenFd);
        try {
            Files.deleteIfExists(socket);
        } catch (java.io.IOException ignored) {
            // best effort: a stale socket file is what a killed VPP leaves too
        }
    }

    /** Reflective handles on io.jvppmux.shim.StatsFd. */
    private static final class Native {
        static MethodHandle listen;
        static MethodHandle serve;
        static MethodHandle close;
        static final String CAUSE = init();

        private static String init() {
            try {
                Class<?> c = Class.forName(CLASS);
                MethodHandles.Lookup l = MethodHandles.publicLookup();
                if (!(boolean) l.findStatic(c, "isAvailable", MethodType.methodType(boolean.class)).invoke()) {
                    return (String) l.findStatic(c, "unavailabilityCause", MethodType.methodType(String.class)).invoke();
                }
                listen = l.findStatic(c, "listen", MethodType.methodType(int.class, String.class));
                serve = l.findStatic(c, "serveFileOnce",
                        MethodType.methodType(int.class, int.class, String.class, int.class));
                close = l.findStatic(c, "close", MethodType.methodType(int.class, int.class));
                return null;
            } catch (ClassNotFoundException e) {
                return CLASS + " is not on the class path (jvpp-shim)";
            } catch (Throwable e) {
                return CLASS + ": " + e;
            }
        }

        static int call(MethodHandle h, Object... args) {
            try {
                return (int) h.invokeWithArguments(args);
            } catch (Throwable e) {
                throw new IllegalStateException("native stats helper failed: " + e, e);
            }
        }
    }
}
