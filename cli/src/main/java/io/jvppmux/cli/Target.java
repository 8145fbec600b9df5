package io.jvppmux.cli;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.transport.socket.SocketTransport;
import io.jvppmux.mock.MockVpp;
import java.time.Duration;

/** A connected mux and, without {@code --socket}, the embedded mock-vpp it talks to. */
final class Target implements AutoCloseable {
    private final MockVpp mock;
    private final JvppMux mux;

    private Target(MockVpp mock, JvppMux mux) {
        this.mock = mock;
        this.mux = mux;
    }

    /** Connects as {@code o} says. */
    static Target open(TargetOptions o) {
        if (o.timeoutMillis <= 0) {
            throw new IllegalArgumentException("--timeout-ms must be positive: " + o.timeoutMillis);
        }
        if (o.verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        MuxConfig.Builder config = MuxConfig.builder().replyTimeout(Duration.ofMillis(o.timeoutMillis));
        if (o.socket != null) {
            return new Target(null, JvppMux.connect(config.socketPath(o.socket).build(), new SocketTransport()));
        }
        MockVpp vpp = MockVpp.start();
        try {
            return new Target(vpp, JvppMux.connect(config.build(), vpp.newTransport()));
        } catch (RuntimeException e) {
            vpp.close();
            throw e;
        }
    }

    JvppMux mux() {
        return mux;
    }

    @Override
    public void close() {
        mux.close();
        if (mock != null) {
            mock.close();
        }
    }
}
