package io.jvppmux.mock;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.memclnt.MessageTableEntry;
import io.jvppmux.binapi.memclnt.SockclntCreate;
import io.jvppmux.binapi.memclnt.SockclntCreateReply;
import io.jvppmux.binapi.memclnt.SockclntDelete;
import io.jvppmux.binapi.memclnt.SockclntDeleteReply;
import io.jvppmux.binapi.vlib.CliInband;
import io.jvppmux.binapi.vlib.CliInbandReply;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.binapi.wire.SocketFrames;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Built-in behaviour of the memclnt, vpe and vlib messages: handshake, ping, version, CLI, delete. */
final class CoreHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(CoreHandlers.class);

    /** The retval of {@code cli_inband} for a command VPP cannot parse (VNET_API_ERROR_UNSPECIFIED). */
    static final int CLI_UNKNOWN_INPUT = -1;
    /** {@code show plugins} of a VPP without plugins: the mock loads none. */
    static final String SHOW_NO_PLUGINS = " Plugin path is: (none), plugins shown in load order\n\n"
            + "     Plugin                                   Version                          Description\n";

    private CoreHandlers() {
    }

    static void register(Map<String, Handler> handlers) {
        handlers.put("control_ping", CoreHandlers::controlPing);
        handlers.put("show_version", CoreHandlers::showVersion);
        handlers.put("cli_inband", CoreHandlers::cliInband);
        handlers.put("sockclnt_delete", CoreHandlers::sockclntDelete);
        handlers.put("memclnt_keepalive_reply", call -> { });
    }

    /** {@code sockclnt_create_reply}: request-shaped header with client_index 0, then the full table. */
    static void sockclntCreate(Call call) {
        MessageTable table = call.engine.table();
        List<MessageTableEntry> entries = new ArrayList<>(table.size());
        for (int id = 1; id <= table.maxId(); id++) {
            MessageDescriptor<? extends Message> d = table.descriptor(id);
            entries.add(new MessageTableEntry().index(id).name(d.nameCrc()));
        }
        SockclntCreateReply reply = new SockclntCreateReply()
                .response(0)
                .index(Integer.toUnsignedLong(call.link.clientIndex()))
                .messageTable(entries);
        ByteBuffer buf = ByteBuffer.allocate(MessageCodec.length(reply));
        MessageCodec.encode(buf, reply, SocketFrames.SOCKCLNT_CREATE_REPLY_ID, 0, call.request.context());
        call.link.send(buf.array());
        LOG.debug("mock-vpp: client '{}' registered as 0x{}", call.request(SockclntCreate.class).name(),
                Integer.toHexString(call.link.clientIndex()));
    }

    private static void controlPing(Call call) {
        call.reply(new ControlPingReply()
                .retval(0)
                .clientIndex(Integer.toUnsignedLong(call.link.clientIndex()))
                .vpePid(Integer.toUnsignedLong(call.engine.pid())));
    }

    private static void showVersion(Call call) {
        MockSettings s = call.engine.settings;
        call.reply(new ShowVersionReply()
                .retval(0)
                .program("vpe")
                .version(s.version)
                .buildDate(s.buildDate)
                .buildDirectory(""));
    }

    private static void sockclntDelete(Call call) {
        long index = call.request(SockclntDelete.class).index();
        boolean mine = index == Integer.toUnsignedLong(call.link.clientIndex());
        call.reply(new SockclntDeleteReply().response(mine ? 1 : -1));
        if (mine) {
            call.link.closeAfterFlush(null);
        }
    }

    /**
     * The few commands the mock knows; any other answers as VPP 26.10 does: retval -1 with
     * "unknown input `CMD'" in {@code reply}.
     */
    private static void cliInband(Call call) {
        String cmd = call.request(CliInband.class).cmd().trim().replaceAll("\\s+", " ");
        String out;
        switch (cmd) {
            case "show version", "show ver", "sh ver" -> out = "vpp v" + call.engine.settings.version
                    + " built by mock on mock-vpp at " + call.engine.settings.buildDate + "\n";
            case "show interface", "show interfaces", "show int", "sh int" -> out = showInterface(call.engine);
            case "show plugins", "sh plugins" -> out = SHOW_NO_PLUGINS;
            default -> {
                call.reply(new CliInbandReply().retval(CLI_UNKNOWN_INPUT).reply("unknown input `" + cmd + "'\n"));
                return;
            }
        }
        call.reply(new CliInbandReply().retval(0).reply(out));
    }

    /** The table VPP prints for {@code show interface}, same columns. */
    static String showInterface(Engine engine) {
        StringBuilder sb = new StringBuilder();
        sb.append(center("Name", 32)).append(center("Idx", 5)).append(center("State", 10))
                .append(center("MTU (L3/IP4/IP6/MPLS)", 21)).append(center("Counter", 16))
                .append(center("Count", 16)).append('\n');
        for (MockInterface i : engine.interfaces.all()) {
            String name = i.name().length() >= 32 ? i.name() : i.name() + " ".repeat(32 - i.name().length());
            sb.append(name).append(center(Integer.toString(i.swIfIndex()), 5))
                    .append(center(i.adminUp() ? "up" : "down", 10))
                    .append(center(i.mtu() + "/0/0/0", 21)).append('\n');
        }
        return sb.toString();
    }

    private static String center(String s, int width) {
        int pad = Math.max(0, width - s.length());
        int left = (pad + 1) / 2;
        return " ".repeat(left) + s + " ".repeat(pad - left);
    }
}
