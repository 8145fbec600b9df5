package io.jvppmux.impl.reconnect;

import io.jvppmux.impl.testing.Face;

/** {@link ReconnectSuite} over mock-vpp's socket server and the socket transport (a dead VPP is an end of stream). */
class SocketReconnectTest extends ReconnectSuite {
    @Override
    protected Face newFace() {
        return Face.socket();
    }
}
