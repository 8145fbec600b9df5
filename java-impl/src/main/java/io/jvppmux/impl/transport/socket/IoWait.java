package io.jvppmux.impl.transport.socket;

import java.io.IOException;

/**
 * Waits until a non-blocking socket can be read (or written) again: what {@link FrameReader} and {@link FrameWriter}
 * do when the socket has nothing for them inside a frame (or no room). Never called for a blocking socket.
 */
@FunctionalInterface
interface IoWait {
    /** Returns when the socket is ready, or may be (a spurious return is allowed: the caller tries again). */
    void await() throws IOException;
}
