package io.jvppmux.mock;

import java.util.Map;

/**
 * Where mock-vpp deliberately answers otherwise than VPP 26.10 (the differential test against a real VPP,
 * {@code LiveDifferentialTest}, tolerates exactly these; any other difference fails the build). Keyed by the
 * name of the step of that test's scenario.
 */
public final class Differences {
    /** Step name -> why the mock differs there. */
    public static final Map<String, String> DELIBERATE = Map.of(
            "cli_inband show version", "the text names the mock's version and build: 'vpp v26.06-mock built by mock"
                    + " on mock-vpp at ...', same shape as VPP's");

    private Differences() {
    }
}
