package io.jvppmux.impl.reconnect;

import io.jvppmux.impl.testing.Face;

/** {@link RetrySuite} over mock-vpp's in-process transport. */
class InProcessRetryTest extends RetrySuite {
    @Override
    protected Face newFace() {
        return Face.inProcess();
    }
}
