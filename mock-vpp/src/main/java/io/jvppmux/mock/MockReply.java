package io.jvppmux.mock;

import io.jvppmux.api.Message;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One message the mock sends in answer to a request: a {@link Message} (encoded with the id from the mock's
 * current table) or raw bytes. By default the header's context echoes the request's and a header
 * {@code client_index} echoes the requester's; both can be forged to test how the client copes with stale,
 * duplicate or foreign replies.
 *
 * <pre>{@code
 * vpp.on(ShowVersion.DESCRIPTOR).reply(new ShowVersionReply().retval(-1));                 // context echoed
 * vpp.on(ControlPing.DESCRIPTOR).reply(MockReply.withContext(new ControlPingReply(), 7));  // forged context
 * vpp.on(ControlPing.DESCRIPTOR).reply(MockReply.raw(new byte[] {0x7f, 0x7f}));             // unknown id
 * }</pre>
 */
public final class MockReply {
    private final Message message;
    private final byte[] raw;
    private final OptionalInt context;
    private final OptionalInt clientIndex;

    private MockReply(Message message, byte[] raw, OptionalInt context, OptionalInt clientIndex) {
        this.message = message;
        this.raw = raw;
        this.context = context;
        this.clientIndex = clientIndex;
    }

    /** {@code message} with the request's context (and the requester's client_index where the header has one). */
    public static MockReply of(Message message) {
        return new MockReply(Objects.requireNonNull(message, "message"), null, OptionalInt.empty(), OptionalInt.empty());
    }

    /** {@code message} with a forged context: stale, duplicate, someone else's, or 0. */
    public static MockReply withContext(Message message, int context) {
        return new MockReply(Objects.requireNonNull(message, "message"), null, OptionalInt.of(context), OptionalInt.empty());
    }

    /**
     * Bytes sent as one message, verbatim (one socket frame around them on the socket face): an unknown id,
     * a truncated body, garbage. Must hold at least the 2-byte message id.
     */
    public static MockReply raw(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < 2) {
            throw new IllegalArgumentException("a raw reply needs at least the 2-byte message id, got " + bytes.length);
        }
        return new MockReply(null, bytes.clone(), OptionalInt.empty(), OptionalInt.empty());
    }

    /** This reply with a forged header {@code client_index} (request- or event-shaped headers only). */
    public MockReply withClientIndex(int forgedClientIndex) {
        return new MockReply(message, raw, context, OptionalInt.of(forgedClientIndex));
    }

    /** The message, or null for a raw reply. */
    public Message message() {
        return message;
    }

    /** The raw bytes (a copy), or null for a message reply. */
    public byte[] rawBytes() {
        return raw == null ? null : raw.clone();
    }

    byte[] rawUnsafe() {
        return raw;
    }

    /** The forged context, if any. */
    public OptionalInt context() {
        return context;
    }

    /** The forged client_index, if any. */
    public OptionalInt clientIndex() {
        return clientIndex;
    }

    @Override
    public String toString() {
        String what = message != null ? message.messageName() : "raw " + raw.length + " bytes";
        return "MockReply{" + what + (context.isPresent() ? ", context=" + context.getAsInt() : "") + "}";
    }
}
