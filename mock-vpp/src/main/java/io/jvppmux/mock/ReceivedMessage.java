package io.jvppmux.mock;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;

/**
 * One message the mock received from a client, as logged in {@link MockVpp#received()}: who sent it, its
 * id, name, context, the decoded message (when it decoded) and what the mock did with it.
 */
public final class ReceivedMessage {
    /** What the mock did with a received message. */
    public enum Disposition {
        /** Answered by the built-in behaviour (or accepted without a reply, like a keepalive reply). */
        HANDLED,
        /** Answered by a queued reply or a {@link Responder}. */
        SCRIPTED,
        /** Swallowed on purpose: {@link RequestScript#silence()} or {@link MockVpp#silenceAll(boolean)}. */
        SILENCED,
        /** A known message the mock has no behaviour for: no reply, as VPP without a handler. */
        NO_HANDLER,
        /** Dropped: the id is not in the table. */
        DROPPED_UNKNOWN_ID,
        /** Dropped: the request-shaped header's client_index is not the sender's. */
        DROPPED_WRONG_CLIENT_INDEX,
        /** Dropped: shorter than its fixed part plus declared variable-length arrays. */
        DROPPED_TRUNCATED,
        /** Dropped: not allowed in this state (e.g. anything but sockclnt_create before the handshake). */
        DROPPED_UNEXPECTED;

        /** Whether the message was dropped as invalid. */
        public boolean isDropped() {
            return ordinal() >= DROPPED_UNKNOWN_ID.ordinal();
        }
    }

    private final int clientIndex;
    private final int msgId;
    private final MessageDescriptor<? extends Message> descriptor;
    private final int context;
    private final Message message;
    private final byte[] bytes;
    private final Disposition disposition;

    ReceivedMessage(int clientIndex, int msgId, MessageDescriptor<? extends Message> descriptor, int context,
                    Message message, byte[] bytes, Disposition disposition) {
        this.clientIndex = clientIndex;
        this.msgId = msgId;
        this.descriptor = descriptor;
        this.context = context;
        this.message = message;
        this.bytes = bytes;
        this.disposition = disposition;
    }

    ReceivedMessage withDisposition(Disposition d) {
        return new ReceivedMessage(clientIndex, msgId, descriptor, context, message, bytes, d);
    }

    /** The sender's client index (the connection's, not what the header claimed); 0 before the handshake. */
    public int clientIndex() {
        return clientIndex;
    }

    /** The message id as received. */
    public int msgId() {
        return msgId;
    }

    /** The message type, or null when the id is unknown. */
    public MessageDescriptor<? extends Message> descriptor() {
        return descriptor;
    }

    /** The VPP name (e.g. {@code control_ping}), or {@code "?<id>"} when the id is unknown. */
    public String name() {
        return descriptor != null ? descriptor.name() : "?" + msgId;
    }

    /** The header's context, or 0 when the header has none or the message was too short. */
    public int context() {
        return context;
    }

    /** The decoded message, or null when it did not decode (unknown id, truncated). */
    public Message message() {
        return message;
    }

    /**
     * The decoded message as {@code type}.
     *
     * @throws IllegalStateException when the message is of another type or did not decode
     */
    public <M extends Message> M message(Class<M> type) {
        if (!type.isInstance(message)) {
            throw new IllegalStateException("received " + name() + ", not a " + type.getSimpleName());
        }
        return type.cast(message);
    }

    /** Whether this is the message type {@code d}. */
    public boolean is(MessageDescriptor<?> d) {
        return descriptor != null && descriptor.nameCrc().equals(d.nameCrc());
    }

    /** The raw bytes, starting with the message id (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] bytesUnsafe() {
        return bytes;
    }

    /** What the mock did with it. */
    public Disposition disposition() {
        return disposition;
    }

    @Override
    public String toString() {
        return "Received{" + name() + ", client=0x" + Integer.toHexString(clientIndex) + ", context=" + context
                + ", " + bytes.length + " bytes, " + disposition + "}";
    }
}
