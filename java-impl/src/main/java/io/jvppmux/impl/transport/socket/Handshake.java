package io.jvppmux.impl.transport.socket;

import io.jvppmux.api.VppTransportException;
import io.jvppmux.binapi.memclnt.MessageTableEntry;
import io.jvppmux.binapi.memclnt.SockclntCreate;
import io.jvppmux.binapi.memclnt.SockclntCreateReply;
import io.jvppmux.binapi.memclnt.SockclntDelete;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.binapi.wire.SocketFrames;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The socket registration (docs/PROTOCOL.md 3.2, 3.3): {@code sockclnt_create} with the hard-coded id 15, the
 * reply with id 16 carrying the client index and the whole {@code name_crc -> id} table, and
 * {@code sockclnt_delete} to leave.
 */
final class Handshake {
    /** The context of the handshake's and the goodbye's requests; VPP only echoes it. */
    static final int CONTEXT = 0x7a3b;
    /** sockclnt_delete's usual id, used when the table somehow lacks it. */
    private static final int SOCKCLNT_DELETE_DEFAULT_ID = 17;

    /** What the reply told us. */
    record Registration(int clientIndex, Map<String, Integer> table) {
    }

    private Handshake() {
    }

    /** {@code sockclnt_create} as one message (no frame header). */
    static ByteBuffer request(String clientName) {
        SockclntCreate m = new SockclntCreate().name(clientName);
        ByteBuffer b = ByteBuffer.allocate(MessageCodec.length(m));
        MessageCodec.encode(b, m, SocketFrames.SOCKCLNT_CREATE_ID, 0, CONTEXT);
        return b.flip();
    }

    /**
     * Parses {@code sockclnt_create_reply}.
     *
     * @throws VppTransportException when it is another message, does not decode or says no
     */
    static Registration parseReply(ByteBuffer msg, int length, String where) {
        int id = MessageCodec.messageId(msg, 0);
        if (id != SocketFrames.SOCKCLNT_CREATE_REPLY_ID) {
            throw new VppTransportException("handshake with " + where + " failed: expected sockclnt_create_reply (id "
                    + SocketFrames.SOCKCLNT_CREATE_REPLY_ID + "), got message id " + id + " (" + length + " bytes)");
        }
        SockclntCreateReply reply;
        try {
            reply = MessageCodec.decode(msg, 0, length, new SockclntCreateReply());
        } catch (RuntimeException e) {
            throw new VppTransportException("handshake with " + where + " failed: bad sockclnt_create_reply: "
                    + e.getMessage(), e);
        }
        if (reply.response() != 0) {
            throw new VppTransportException("VPP at " + where + " refused the socket client registration: "
                    + "sockclnt_create_reply response " + reply.response());
        }
        Map<String, Integer> table = new HashMap<>(reply.messageTable().size() * 2);
        for (MessageTableEntry e : reply.messageTable()) {
            table.put(e.name(), e.index());
        }
        return new Registration((int) reply.index(), java.util.Collections.unmodifiableMap(table));
    }

    /** {@code sockclnt_delete} for {@code clientIndex} as one message. */
    static ByteBuffer goodbye(Registration r) {
        SockclntDelete m = new SockclntDelete().index(Integer.toUnsignedLong(r.clientIndex()));
        int id = r.table().getOrDefault(SockclntDelete.DESCRIPTOR.nameCrc(), SOCKCLNT_DELETE_DEFAULT_ID);
        ByteBuffer b = ByteBuffer.allocate(MessageCodec.length(m));
        MessageCodec.encode(b, m, id, r.clientIndex(), CONTEXT);
        return b.flip();
    }
}
