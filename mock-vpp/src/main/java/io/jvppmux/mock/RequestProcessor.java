package io.jvppmux.mock;

import io.jvppmux.api.HeaderLayout;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.binapi.wire.SocketFrames;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks and dispatches one received message on the engine thread, as VPP does: an unknown id, a wrong
 * client_index in a request-shaped header or a truncated message is logged and answered with nothing; the
 * rest goes to the scripts, then to the built-in handlers.
 */
final class RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RequestProcessor.class);

    private final Engine engine;
    private final Map<String, Handler> builtins = new HashMap<>();

    RequestProcessor(Engine engine) {
        this.engine = engine;
        CoreHandlers.register(builtins);
        InterfaceHandlers.register(builtins);
        IpfixHandlers.register(builtins);
        RouteHandlers.register(builtins);
        AddressHandlers.register(builtins);
        AclHandlers.register(builtins);
    }

    /** How long to hold {@code msg} before processing it. */
    Duration delayFor(byte[] msg) {
        MessageDescriptor<? extends Message> d = msg.length >= 2 ? engine.table().descriptor(id(msg)) : null;
        RequestScript s = d == null ? null : engine.scripts.get(d.nameCrc());
        Duration own = s == null ? Duration.ZERO : s.delay();
        return own.isZero() ? engine.scripts.delayAll() : own;
    }

    void process(ClientLink link, byte[] msg) {
        if (msg.length < 2) {
            drop(link, msg, -1, null, 0, ReceivedMessage.Disposition.DROPPED_TRUNCATED, "shorter than a message id");
            return;
        }
        int id = id(msg);
        if (!link.registered) {
            if (id == SocketFrames.SOCKCLNT_CREATE_ID) {
                handshake(link, msg);
            } else {
                drop(link, msg, id, null, 0, ReceivedMessage.Disposition.DROPPED_UNEXPECTED, "before sockclnt_create");
            }
            return;
        }
        MessageDescriptor<? extends Message> d = engine.table().descriptor(id);
        if (d == null) {
            drop(link, msg, id, null, 0, ReceivedMessage.Disposition.DROPPED_UNKNOWN_ID, "no handler for msg id " + id);
            return;
        }
        HeaderLayout h = d.header();
        if (msg.length < h.size()) {
            drop(link, msg, id, d, 0, ReceivedMessage.Disposition.DROPPED_TRUNCATED, "truncated header");
            return;
        }
        int context = MessageCodec.context(ByteBuffer.wrap(msg), 0, h);
        if (h == HeaderLayout.REQUEST && Engine.headerClientIndex(msg, h) != link.clientIndex()) {
            drop(link, msg, id, d, context, ReceivedMessage.Disposition.DROPPED_WRONG_CLIENT_INDEX,
                    "client_index 0x" + Integer.toHexString(Engine.headerClientIndex(msg, h)) + " is not the sender's");
            return;
        }
        if (d.name().equals("sockclnt_create")) {
            drop(link, msg, id, d, context, ReceivedMessage.Disposition.DROPPED_UNEXPECTED, "already registered");
            return;
        }
        Message m;
        try {
            m = MessageCodec.decode(msg, d.newInstance());
        } catch (RuntimeException e) {
            drop(link, msg, id, d, context, ReceivedMessage.Disposition.DROPPED_TRUNCATED, "Truncated message: " + e.getMessage());
            return;
        }
        dispatch(link, new ReceivedMessage(link.clientIndex(), id, d, context, m, msg, ReceivedMessage.Disposition.HANDLED));
    }

    private void dispatch(ClientLink link, ReceivedMessage r) {
        RequestScript script = engine.scripts.get(r.descriptor().nameCrc());
        boolean silenced = script != null && script.takeSilence();
        if (engine.scripts.silenceAll() || silenced) {
            engine.log.add(r.withDisposition(ReceivedMessage.Disposition.SILENCED));
            return;
        }
        List<MockReply> answer;
        try {
            answer = script == null ? null : script.takeAnswer(r);
        } catch (RuntimeException e) {
            LOG.error("mock-vpp: the responder for {} failed; sending nothing", r.name(), e);
            engine.log.add(r.withDisposition(ReceivedMessage.Disposition.SCRIPTED));
            return;
        }
        Call call = new Call(engine, link, r);
        if (answer != null) {
            engine.log.add(r.withDisposition(ReceivedMessage.Disposition.SCRIPTED));
            answer.forEach(call::send);
            return;
        }
        Handler handler = builtins.get(r.descriptor().name());
        if (handler == null) {
            LOG.debug("mock-vpp: no behaviour for {}; no reply", r.name());
            engine.log.add(r.withDisposition(ReceivedMessage.Disposition.NO_HANDLER));
            return;
        }
        engine.log.add(r);
        handler.handle(call);
    }

    private void handshake(ClientLink link, byte[] msg) {
        if (link.refuseRegistration.getAsBoolean()) {
            LOG.info("mock-vpp: refusing sockclnt_create on connection {} (scripted failure): closed unanswered",
                    link.connectionNumber);
            link.closeNow(new java.io.IOException("scripted connect failure"));
            return;
        }
        MessageDescriptor<? extends Message> d = Catalog.get().memclnt().get(SocketFrames.SOCKCLNT_CREATE_ID - 1);
        int context = msg.length >= 6 ? ByteBuffer.wrap(msg).getInt(2) : 0;
        Message m;
        try {
            m = MessageCodec.decode(msg, d.newInstance());
        } catch (RuntimeException e) {
            drop(link, msg, SocketFrames.SOCKCLNT_CREATE_ID, d, context, ReceivedMessage.Disposition.DROPPED_TRUNCATED,
                    "Truncated sockclnt_create: " + e.getMessage());
            return;
        }
        engine.register(link);
        ReceivedMessage r = new ReceivedMessage(link.clientIndex(), SocketFrames.SOCKCLNT_CREATE_ID, d, context, m, msg,
                ReceivedMessage.Disposition.HANDLED);
        engine.log.add(r);
        CoreHandlers.sockclntCreate(new Call(engine, link, r));
    }

    private void drop(ClientLink link, byte[] msg, int id, MessageDescriptor<? extends Message> d, int context,
                      ReceivedMessage.Disposition why, String text) {
        LOG.info("mock-vpp: dropped {} ({} bytes) from client 0x{}: {}", d != null ? d.name() : "msg id " + id,
                msg.length, Integer.toHexString(link.clientIndex()), text);
        engine.log.add(new ReceivedMessage(link.clientIndex(), id, d, context, null, msg, why));
    }

    private static int id(byte[] msg) {
        return ((msg[0] & 0xff) << 8) | (msg[1] & 0xff);
    }
}
