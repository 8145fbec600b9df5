package io.jvppmux.impl.burst;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.mock.MockInterface;
import io.jvppmux.mock.MockVpp;

/** A mock-vpp with a big interface table answered in one burst, as a production VPP answers a dump. */
final class BurstFixture {
    private BurstFixture() {
    }

    /** A mock whose {@code sw_interface_dump} answers {@code count} details (sw_if_index 0..count-1), then the ping reply. */
    static MockVpp withInterfaces(int count) {
        MockInterface[] all = new MockInterface[count];
        all[0] = MockInterface.local0();
        for (int i = 1; i < count; i++) {
            all[i] = MockInterface.loopback(i, i - 1, new byte[] {2, 0, 0, (byte) (i >> 16), (byte) (i >> 8), (byte) i});
        }
        return MockVpp.builder().interfaces(all).start();
    }

    /** A configuration with a short reply timeout, so the sweeper's work shows quickly. */
    static MuxConfig shortTimeouts(long replyTimeoutMillis) {
        return MuxConfig.builder().replyTimeout(java.time.Duration.ofMillis(replyTimeoutMillis)).build();
    }
}
