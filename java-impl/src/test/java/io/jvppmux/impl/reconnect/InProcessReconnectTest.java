package io.jvppmux.impl.reconnect;

import io.jvppmux.impl.testing.Face;

/** {@link ReconnectSuite} over mock-vpp's in-process transport. */
class InProcessReconnectTest extends ReconnectSuite {
    @Override
    protected Face newFace() {
        return Face.inProcess();
    }
}
