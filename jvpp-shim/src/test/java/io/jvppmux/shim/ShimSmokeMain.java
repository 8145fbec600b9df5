package io.jvppmux.shim;

import io.jvppmux.mock.RecordingSink;
import java.time.Duration;

/**
 * The whole native path in a fresh JVM (run under -Xcheck:jni by {@link JniCheckTest}, and by
 * ci/asan-shim.sh): default prefix (the test libvppapiclient then takes the socket from
 * JVPPMUX_FAKE_VAC_SOCKET), callback mode with pipelined pings, then vac_read mode. Prints SMOKE OK.
 */
public final class ShimSmokeMain {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private ShimSmokeMain() {
    }

    public static void main(String[] args) throws Exception {
        FakeVpp.useFakeVac();
        JvppShim.ensureAvailable();
        RecordingSink sink = RecordingSink.direct();
        JvppShim.connect("smoke", null, 256, RxMode.CALLBACK, new ShimReceiver(sink));
        int ping = JvppShim.messageIndex(Messages.CONTROL_PING);
        for (int i = 1; i <= 1000; i++) {
            JvppShim.write(Messages.controlPing(ping, i));
        }
        for (int i = 1; i <= 1000; i++) {
            int context = Messages.replyContext(sink.next(WAIT).bytes());
            if (context != i) {
                throw new AssertionError("reply " + i + " has context " + context);
            }
        }
        JvppShim.disconnect();
        ShimReceiver reader = new ShimReceiver(sink);
        JvppShim.connect("smoke-read", null, 256, RxMode.READ, reader);
        JvppShim.write(Messages.controlPing(JvppShim.messageIndex(Messages.CONTROL_PING), 4242));
        if (!JvppShim.read(reader, 5) || Messages.replyContext(sink.next(WAIT).bytes()) != 4242) {
            throw new AssertionError("no reply in read mode");
        }
        JvppShim.disconnect();
        System.out.println("SMOKE OK");
    }
}
