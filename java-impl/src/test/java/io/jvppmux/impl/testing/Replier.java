package io.jvppmux.impl.testing;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** Answers requests written to a {@link ScriptedTransport} by type, echoing their context (offset 6). */
public final class Replier implements Function<byte[], List<byte[]>> {
    private final ScriptedTransport transport;
    private final Map<MessageDescriptor<?>, Supplier<? extends Message>> answers;

    /** @param answers request type to a supplier of its reply */
    public Replier(ScriptedTransport transport, Map<MessageDescriptor<?>, Supplier<? extends Message>> answers) {
        this.transport = transport;
        this.answers = answers;
    }

    /** The context of a written request-shaped message. */
    public static int contextOf(byte[] request) {
        return ByteBuffer.wrap(request).getInt(6);
    }

    @Override
    public List<byte[]> apply(byte[] request) {
        Supplier<? extends Message> s = answers.get(transport.descriptorOf(request));
        return s == null ? List.of() : List.of(transport.encode(s.get(), contextOf(request)));
    }
}
