package io.jvppmux.api;

import java.nio.ByteBuffer;

/**
 * A VPP binary-API message. Implementations are generated (module {@code binapi}); they hold the
 * message's body fields, i.e. every field after the header fields {@code _vl_msg_id},
 * {@code client_index} and {@code context} (see {@link HeaderLayout}). The mux writes the header.
 *
 * <p>Encoding is VPP's: packed, big-endian, except {@code f64} which is little-endian (docs/PROTOCOL.md 5.2).
 * Instances are mutable and not thread-safe.
 */
public interface Message {
    /** The descriptor of this message's type. */
    MessageDescriptor<? extends Message> descriptor();

    /** The VPP name, e.g. {@code sw_interface_details}. */
    default String messageName() {
        return descriptor().name();
    }

    /** The CRC as 8 lowercase hex digits. */
    default String messageCrc() {
        return descriptor().crc();
    }

    /** The message's role. */
    default MessageKind messageKind() {
        return descriptor().kind();
    }

    /** The size of the encoded body in bytes (without the header), for the current field values. */
    int encodedSize();

    /**
     * Writes the body at the buffer's position and advances it by {@link #encodedSize()}. The buffer's
     * byte order is ignored.
     *
     * @throws IllegalArgumentException when a field holds a value that cannot be encoded (a string
     *                                  longer than its fixed size, a count that disagrees with its array)
     * @throws java.nio.BufferOverflowException when fewer than {@link #encodedSize()} bytes remain
     */
    void encode(ByteBuffer buffer);

    /**
     * Reads the body from the buffer's position up to its limit, replacing every field. Never reads past
     * the limit: a short or lying buffer ends in a {@link MessageDecodeException} naming the message and
     * field. Trailing bytes are ignored, as VPP does.
     */
    void decode(ByteBuffer buffer);
}
