package io.jvppmux.shim;

import io.jvppmux.api.NotConnectedException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The shared-memory binding: the one class with native methods, over the C shim ({@code libjvppshim.so},
 * packaged in this jar) and libvppapiclient (VPP's, opened at run time). Six byte-oriented native calls;
 * every encode and decode stays in Java; negative codes from C become typed exceptions here.
 *
 * <p>libvppapiclient keeps one connection per process in global state, so this API is static:
 * {@link #connect}, then {@link #write}s from any thread, then {@link #disconnect} (from a thread that is
 * not the receive thread, bounded by the caller: it can take 7 s or block). Messages arrive through the
 * {@link ShimReceiver} given to {@link #connect}.
 *
 * <p>Availability is an answer, not an exception from a static initializer: {@link #isAvailable()},
 * {@link #unavailabilityCause()}. Both libraries are loaded on first use, from:
 * <ul>
 *   <li>libjvppshim.so: an explicit path (argument, else system property {@code jvppmux.shim.library}); else
 *       {@code java.library.path}; else the copy in this jar;</li>
 *   <li>libvppapiclient.so: an explicit path (argument, else {@code jvppmux.vppapiclient.library}), then
 *       {@code libvppapiclient.so} and the versioned names in {@code jvppmux.vppapiclient.searchPath}.</li>
 * </ul>
 */
public final class JvppShim {
    private static NativeLoader.Result shim;
    private static volatile boolean shimLoaded;
    private static VacLocator.Result vac;

    private JvppShim() {
    }

    /** Whether libjvppshim and libvppapiclient are both loaded (loading them with the system properties if needed). */
    public static boolean isAvailable() {
        return unavailabilityCause() == null;
    }

    /** {@link #unavailabilityCause(Path, Path)} with the paths of the system properties. */
    public static ShimUnavailableException unavailabilityCause() {
        return unavailabilityCause(null, null);
    }

    /**
     * Why the shim cannot be used, one line naming every attempt, or null when it can. While a library is
     * not loaded, each call tries again.
     *
     * @param shimLibrary         explicit path of libjvppshim.so, null for {@code -Djvppmux.shim.library}
     * @param vppapiclientLibrary explicit path of libvppapiclient.so, null for {@code -Djvppmux.vppapiclient.library}
     */
    public static synchronized ShimUnavailableException unavailabilityCause(Path shimLibrary, Path vppapiclientLibrary) {
        NativeLoader.Result s = loadShim(shimLibrary);
        if (!s.loaded()) {
            return new ShimUnavailableException("shared-memory transport unavailable: " + s.describe());
        }
        if (vac == null || vac.loaded() == null) {
            String explicit = vppapiclientLibrary != null ? vppapiclientLibrary.toString()
                    : System.getProperty(VacLocator.PATH_PROPERTY);
            vac = VacLocator.locate(explicit, System.getProperty(VacLocator.DIRS_PROPERTY, VacLocator.DEFAULT_DIRS),
                    JvppShim::openVac0);
        }
        if (vac.loaded() == null) {
            return new ShimUnavailableException("shared-memory transport unavailable: " + vac.describe()
                    + "; install VPP's libvppapiclient or set -D" + VacLocator.PATH_PROPERTY + "=/path/to/"
                    + VacLocator.NAME + ", or use the socket transport");
        }
        return null;
    }

    private static NativeLoader.Result loadShim(Path explicit) {
        if (shim == null || !shim.loaded()) {
            shim = NativeLoader.load(explicit != null ? explicit.toString() : System.getProperty(NativeLoader.PATH_PROPERTY),
                    NativeLoader.resourceName());
            shimLoaded = shim.loaded();
        }
        return shim;
    }

    /** @throws ShimUnavailableException when {@link #isAvailable()} is false */
    public static void ensureAvailable() {
        ensureAvailable(null, null);
    }

    /** @throws ShimUnavailableException when {@link #unavailabilityCause(Path, Path)} says why */
    public static void ensureAvailable(Path shimLibrary, Path vppapiclientLibrary) {
        ShimUnavailableException e = unavailabilityCause(shimLibrary, vppapiclientLibrary);
        if (e != null) {
            throw e;
        }
    }

    /**
     * Whether libjvppshim.so itself is loaded (loading it if needed, without probing libvppapiclient). Other
     * native helpers built into the same library (StatsFd) can call this to have it loaded first.
     */
    public static synchronized boolean isShimLibraryLoaded() {
        return loadShim(null).loaded();
    }

    /** Where both libraries were loaded from, or why not, for logs. */
    public static synchronized String describe() {
        return (shim != null ? shim.describe() : "libjvppshim not loaded yet") + (vac != null ? " | " + vac.describe() : "");
    }

    /**
     * Connects to VPP over shared memory ({@code vac_mem_init(0)} first, once per process).
     *
     * @param clientName    the name VPP shows (at most 63 bytes are used)
     * @param prefix        VPP's {@code api-segment { prefix }}; empty or null for the default
     * @param rxQueueLength depth of this client's receive queue in VPP's shared memory (docs/PROTOCOL.md 7.4)
     * @param receiver      where messages go: from libvppapiclient's rx thread ({@link RxMode#CALLBACK}) or
     *                      from the thread calling {@link #read} ({@link RxMode#READ})
     * @throws ShimException with the code and what to check, when it fails
     */
    public static void connect(String clientName, String prefix, int rxQueueLength, RxMode mode,
                               ShimReceiver receiver) {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(receiver, "receiver");
        if (rxQueueLength <= 0) {
            throw new IllegalArgumentException("rxQueueLength must be positive: " + rxQueueLength);
        }
        ensureAvailable();
        int rc = connect0(clientName, prefix, rxQueueLength, mode == RxMode.CALLBACK, receiver);
        if (rc != 0) {
            throw new ShimException("vac_connect to VPP (shm prefix '" + (prefix == null ? "" : prefix) + "') failed: "
                    + ShimErrors.connectHint(rc) + " [" + ShimCodes.name(rc) + "]", rc);
        }
    }

    /** Disconnects; blocks while a write is stuck in vac_write, then up to about 7 s (docs/PROTOCOL.md 2.10). */
    public static void disconnect() {
        if (!shimLoaded) {
            return; // nothing was ever connected
        }
        check("vac_disconnect", disconnect0());
    }

    /**
     * The id of {@code nameCrc} (e.g. {@code control_ping_51077d14}) in the connected VPP's table, or -1.
     *
     * @throws NotConnectedException when not connected
     */
    public static int messageIndex(String nameCrc) {
        requireShim();
        int rc = messageIndex0(Objects.requireNonNull(nameCrc, "nameCrc"));
        if (rc >= -1) {
            return rc;
        }
        check("vac_get_msg_index(" + nameCrc + ")", rc);
        return -1;
    }

    /**
     * Writes the bytes of a direct buffer from its position to its limit (the position does not move);
     * libvppapiclient copies them into shared memory and overwrites bytes 2..5 with the client index.
     *
     * @throws NotConnectedException    when not connected (never reaching vac_write, which would crash)
     * @throws IllegalArgumentException when the buffer is not direct or its length is outside
     *                                  {@link ShimCodes#MIN_WRITE}..{@link ShimCodes#MAX_WRITE}
     */
    public static void write(ByteBuffer message) {
        if (!message.isDirect()) {
            throw new IllegalArgumentException("the shim writes direct buffers only");
        }
        int len = message.remaining();
        if (len < ShimCodes.MIN_WRITE || len > ShimCodes.MAX_WRITE) {
            throw new IllegalArgumentException("message of " + len + " bytes: outside " + ShimCodes.MIN_WRITE + ".."
                    + ShimCodes.MAX_WRITE);
        }
        requireShim();
        check("vac_write", write0(message, message.position(), len));
    }

    /**
     * {@link RxMode#READ} only: waits up to {@code timeoutSeconds} (1..65535; whole seconds, docs/PROTOCOL.md 2.6)
     * for one message and hands it to {@code receiver}.
     *
     * @return true when a message was delivered, false on timeout
     */
    public static boolean read(ShimReceiver receiver, int timeoutSeconds) {
        if (timeoutSeconds < 1 || timeoutSeconds > 0xffff) {
            throw new IllegalArgumentException("timeoutSeconds must be in 1..65535: " + timeoutSeconds);
        }
        requireShim();
        int rc = read0(Objects.requireNonNull(receiver, "receiver"), timeoutSeconds);
        if (rc == 1 || rc == ShimCodes.VAC_TIMEOUT) {
            return rc == 1;
        }
        check("vac_read", rc);
        return false;
    }

    private static void requireShim() {
        if (!shimLoaded) {
            throw new NotConnectedException("not connected to VPP over shared memory (the shim is not loaded)");
        }
    }

    private static void check(String call, int rc) {
        if (rc >= 0) {
            return;
        }
        if (rc == ShimCodes.VAC_NOT_CONNECTED) {
            throw new NotConnectedException(call + ": not connected to VPP over shared memory");
        }
        if (rc == ShimCodes.SHIM_NOT_LOADED) {
            ensureAvailable();
        }
        if (rc == ShimCodes.SHIM_BAD_ARGUMENT) {
            throw new IllegalArgumentException(call + ": bad argument [" + ShimCodes.name(rc) + "]");
        }
        throw new ShimException(call + " failed [" + ShimCodes.name(rc) + "]", rc);
    }

    // The native calls (jvpp_shim.c). Package-private so that tests can call them past the Java guards.

    static native String openVac0(String path);

    static native int connect0(String name, String prefix, int rxQueueLength, boolean callback, ShimReceiver receiver);

    static native int disconnect0();

    static native int messageIndex0(String nameCrc);

    static native int write0(ByteBuffer direct, int offset, int length);

    static native int read0(ShimReceiver receiver, int timeoutSeconds);
}
