package io.jvppmux.api;

/**
 * The four header shapes of VPP messages (docs/PROTOCOL.md 1.1). Every message starts with a big-endian
 * {@code u16 _vl_msg_id}; what follows depends on the message's leading fields, not on its kind:
 * {@code sockclnt_create_reply} is a reply with a request-shaped header.
 *
 * <pre>
 *  REQUEST  | u16 id | u32 client_index | u32 context | body...
 *  REPLY    | u16 id | u32 context      | body...            (body of most replies starts with i32 retval)
 *  EVENT    | u16 id | u32 client_index | body...
 *  NONE     | u16 id | body...
 * </pre>
 */
public enum HeaderLayout {
    /** {@code _vl_msg_id, client_index, context}: 10 bytes. */
    REQUEST(10, 2, 6),
    /** {@code _vl_msg_id, context}: 6 bytes. */
    REPLY(6, -1, 2),
    /** {@code _vl_msg_id, client_index}: 6 bytes, no context. */
    EVENT(6, 2, -1),
    /** {@code _vl_msg_id} only: 2 bytes. */
    NONE(2, -1, -1);

    private final int size;
    private final int clientIndexOffset;
    private final int contextOffset;

    HeaderLayout(int size, int clientIndexOffset, int contextOffset) {
        this.size = size;
        this.clientIndexOffset = clientIndexOffset;
        this.contextOffset = contextOffset;
    }

    /** Header size in bytes, including the message id; the body starts at this offset. */
    public int size() {
        return size;
    }

    /** Offset of {@code client_index}, or -1 when the header has none. */
    public int clientIndexOffset() {
        return clientIndexOffset;
    }

    /** Offset of {@code context}, or -1 when the header has none. */
    public int contextOffset() {
        return contextOffset;
    }

    /** Whether the header carries a context. */
    public boolean hasContext() {
        return contextOffset >= 0;
    }
}
