package io.jvppmux.impl.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The gate of the live-VPP tests: environment variables say where a live VPP is ({@code run-vpp.sh start}
 * prints them; {@code .ci/run} and {@code ci/live-vpp.sh} export them). Without them a live test is skipped,
 * with the reason (printed once per reason); with {@value #REQUIRED}{@code =1} (what {@code .ci/run} sets when
 * it started a VPP) a missing variable fails the test instead, so a CI run never passes by skipping.
 */
public final class LiveVpp {
    /** The API socket of a live VPP, e.g. {@code /run/vpp/api.sock}. */
    public static final String SOCKET = "JVPPMUX_LIVE_SOCKET";
    /** Its stats socket, e.g. {@code /run/vpp/stats.sock}. */
    public static final String STATS_SOCKET = "JVPPMUX_LIVE_STATS_SOCKET";
    /** Its shared-memory prefix ({@code api-segment { prefix }}); empty for the default. */
    public static final String SHM_PREFIX = "JVPPMUX_LIVE_SHM_PREFIX";
    /** The path of its {@code libvppapiclient.so}. */
    public static final String VPPAPICLIENT = "JVPPMUX_LIVE_VPPAPICLIENT";
    /** Its CLI socket, for {@code vppctl -s}. */
    public static final String CLI_SOCKET = "JVPPMUX_LIVE_CLI_SOCKET";
    /**
     * A VPP installation with {@code run-vpp.sh}, {@code bin/vppctl}, {@code bin/vpp_get_stats} and
     * {@code share/vpp/api} (e.g. a VPP build folder with {@code run-vpp.sh}): the fault tests start VPPs of their own from it.
     */
    public static final String VPP_HOME = "JVPPMUX_LIVE_VPP_HOME";
    /** {@code 1}: a live VPP is there, so a missing variable is an error, not a reason to skip. */
    public static final String REQUIRED = "JVPPMUX_LIVE_REQUIRED";

    private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

    private LiveVpp() {
    }

    /** Whether live tests must run ({@value #REQUIRED}{@code =1}). */
    public static boolean required() {
        return "1".equals(System.getenv(REQUIRED));
    }

    /** The value of {@code name}; skips the calling test when it is not set (fails it when required). */
    public static String require(String name, String what) {
        String value = System.getenv(name);
        skipUnless(value != null, "no live VPP configured for " + what + ": set " + name
                + " (.ci/run and ci/live-vpp.sh set the JVPPMUX_LIVE_* variables; README: the live-VPP tests)");
        return value;
    }

    /** Skips the calling test with {@code message} (printed too) unless {@code condition}; fails it when required. */
    public static void skipUnless(boolean condition, String message) {
        if (condition) {
            return;
        }
        if (required()) {
            Assertions.fail(message + " (" + REQUIRED + "=1: live tests must not be skipped)");
        }
        if (PRINTED.add(message)) {
            System.out.println("SKIPPED: " + message);
        }
        Assumptions.abort(message);
    }
}
