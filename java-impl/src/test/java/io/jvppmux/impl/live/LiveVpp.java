package io.jvppmux.impl.contract;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The gate of the live-VPP runs: environment variables say where a live VPP is (ci/live-vpp.sh sets them);
 * without them every live test is skipped (reported as skipped, with the reason) and the reason is printed
 * once per message.
 */
final class LiveVpp {
    private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

    /** The API socket of a live VPP, e.g. {@code /run/vpp/api.sock}. */
    static final String SOCKET = "JVPPMUX_LIVE_SOCKET";
    /** The shared-memory prefix of a live VPP ({@code api-segment { prefix }}); empty for the default. */
    static final String SHM_PREFIX = "JVPPMUX_LIVE_SHM_PREFIX";
    /** The path of the live VPP's {@code libvppapiclient.so}. */
    static final String VPPAPICLIENT = "JVPPMUX_LIVE_VPPAPICLIENT";

    private LiveVpp() {
    }

    /** The value of {@code name}; skips the calling test when it is not set. */
    static String require(String name, String what) {
        String value = System.getenv(name);
        skipUnless(value != null, "no live VPP configured for " + what + ": set " + name
                + " (ci/live-vpp.sh starts VPP in Docker and sets it)");
        return value;
    }

    /** Skips the calling test with {@code message} (printed too) unless {@code condition}. */
    static void skipUnless(boolean condition, String message) {
        if (!condition && PRINTED.add(message)) {
            System.out.println("SKIPPED: " + message);
        }
        Assumptions.assumeTrue(condition, message);
    }
}
