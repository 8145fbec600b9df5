package io.jvppmux.impl.ingress;

import io.jvppmux.api.MessageDescriptor;
import java.nio.ByteBuffer;

/** Where the {@link Dispatcher} sends what it sorted; implemented by the channel layer. */
public interface Routes {
    /**
     * A message with a non-zero context: a reply, details or terminator of some request. Runs on the
     * dispatcher thread: must copy what it keeps and must not block.
     *
     * @param msg the message from index 0 to {@code length}; valid only during the call
     */
    void reply(int context, int msgId, ByteBuffer msg, int length);

    /** A message without a context, e.g. {@code sw_interface_event}. Same rules as {@link #reply}. */
    void event(MessageDescriptor<?> descriptor, ByteBuffer msg, int length);

    /**
     * The connection of generation {@code generation} ended; called on the dispatcher thread after every
     * message received before the end was dispatched.
     */
    void connectionLost(int generation, Throwable cause);
}
