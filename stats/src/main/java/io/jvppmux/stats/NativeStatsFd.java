package io.jvppmux.stats;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Calls jvpp-shim's {@code io.jvppmux.shim.StatsFd} through method handles looked up once. Reflective on
 * purpose: the stats client then compiles and runs (from files) against a jvpp-shim jar that does not yet
 * contain StatsFd, and says in one line why the socket source is unavailable.
 */
final class NativeStatsFd {
    private static final String CLASS = "io.jvppmux.shim.StatsFd";
    private static MethodHandle recv;
    private static MethodHandle close;
    private static MethodHandle describe;
    private static final String CAUSE = init();

    private NativeStatsFd() {
    }

    /** Null when available, else why not (one line). */
    static String unavailabilityCause() {
        return CAUSE;
    }

    /** The segment fd from {@code socket}, or a negative errno. */
    static int recvSegmentFd(String socket, int timeoutMillis) {
        return (int) call(recv, socket, timeoutMillis);
    }

    static void close(int fd) {
        call(close, fd);
    }

    /** {@code ENOENT (errno 2): No such file or directory}. */
    static String describe(int errno) {
        return (String) call(describe, errno);
    }

    private static Object call(MethodHandle h, Object... args) {
        try {
            return h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(CLASS + ": " + e, e);
        }
    }

    private static String init() {
        try {
            Class<?> c = Class.forName(CLASS);
            MethodHandles.Lookup l = MethodHandles.publicLookup();
            boolean ok = (boolean) l.findStatic(c, "isAvailable", MethodType.methodType(boolean.class)).invoke();
            if (!ok) {
                return (String) l.findStatic(c, "unavailabilityCause", MethodType.methodType(String.class)).invoke();
            }
            recv = l.findStatic(c, "recvSegmentFd", MethodType.methodType(int.class, String.class, int.class));
            close = l.findStatic(c, "close", MethodType.methodType(int.class, int.class));
            describe = l.findStatic(c, "describe", MethodType.methodType(String.class, int.class));
            return null;
        } catch (ClassNotFoundException e) {
            return "native stats helper unavailable: " + CLASS + " (jvpp-shim) is not on the class path";
        } catch (Throwable e) {
            return "native stats helper unavailable: " + e;
        }
    }
}
