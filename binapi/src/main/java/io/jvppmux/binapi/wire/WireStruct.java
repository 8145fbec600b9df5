package io.jvppmux.binapi.wire;

import java.nio.ByteBuffer;

/**
 * What every generated message, type, union and array alias can do on the wire. Messages implement
 * {@link io.jvppmux.api.Message} as well.
 */
public interface WireStruct {
    /** The encoded size in bytes for the current values. */
    int encodedSize();

    /** Writes the value at the buffer's position and advances it. */
    void encode(ByteBuffer buffer);

    /**
     * Reads the value from the buffer's position, never past its limit.
     *
     * @param where the enclosing message's name, for error messages
     * @throws io.jvppmux.api.MessageDecodeException naming {@code where} and the field that did not fit
     */
    void decode(ByteBuffer buffer, String where);
}
