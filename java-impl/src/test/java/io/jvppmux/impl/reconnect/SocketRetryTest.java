package io.jvppmux.impl.reconnect;

import io.jvppmux.impl.testing.Face;

/** {@link RetrySuite} over mock-vpp's socket server and the socket transport. */
class SocketRetryTest extends RetrySuite {
    @Override
    protected Face newFace() {
        return Face.socket();
    }
}
