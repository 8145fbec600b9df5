package io.jvppmux.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jvppmux.binapi.memclnt.MessageTableEntry;
import io.jvppmux.binapi.memclnt.SockclntCreateReply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The frames captured from a live VPP v26.10-rc0 (src/test/resources/socket-v26.10-rc0.jsonl), with that
 * VPP's own id table taken from the first exchange's sockclnt_create_reply.
 */
final class Capture {
    /** One captured message. */
    record Msg(String name, byte[] bytes) {
        int id() {
            return TestWire.id(bytes);
        }
    }

    /** One exchange: what was sent, what came back. */
    record Exchange(String what, List<Msg> sent, List<Msg> received, boolean peerClosed) {
    }

    final List<Exchange> exchanges = new ArrayList<>();
    /** The live VPP's table: id to name_crc. */
    final Map<Integer, String> nameById = new HashMap<>();
    final SockclntCreateReply handshakeReply;

    Capture() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = Capture.class.getResourceAsStream("/socket-v26.10-rc0.jsonl")) {
            if (in == null) {
                throw new IOException("socket-v26.10-rc0.jsonl is not on the test classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode o = json.readTree(line);
                exchanges.add(new Exchange(o.get("what").asText(), msgs(o.get("sent")), msgs(o.get("received")),
                        o.path("peer_closed").asBoolean(false)));
            }
        }
        handshakeReply = TestWire.decode(exchanges.get(0).received().get(0).bytes(), new SockclntCreateReply());
        for (MessageTableEntry e : handshakeReply.messageTable()) {
            nameById.put(e.index(), e.name());
        }
    }

    private static List<Msg> msgs(JsonNode array) {
        List<Msg> out = new ArrayList<>();
        for (JsonNode m : array) {
            out.add(new Msg(m.get("name").asText(), TestWire.hex(m.get("hex").asText())));
        }
        return out;
    }

    /** The live VPP's client index (sockclnt_create_reply.index). */
    int clientIndex() {
        return (int) handshakeReply.index();
    }

    /** The exchange whose description starts with {@code prefix}. */
    Exchange exchange(String prefix) {
        return exchanges.stream().filter(e -> e.what().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no captured exchange '" + prefix + "'"));
    }
}
