package io.jvppmux.binapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jvppmux.api.ApiModule;
import io.jvppmux.api.HasRetval;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.binapi.acl.AclAddReplaceReply;
import io.jvppmux.binapi.wire.MessageCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message with an {@code i32 retval} in its {@code .api.json} (read here with Jackson, nothing of the generator)
 * implements {@link HasRetval}, wherever the field is: the mux checks the retval of {@code HasRetval} replies only, so a
 * reply whose retval comes after an index ({@code acl_add_replace_reply}: {@code acl_index, retval}) that did not
 * would turn VPP's refusal into a success. And no other message implements it.
 */
class RetvalTest {
    private static final Path API = Path.of("src/main/api/26.06");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyMessageWithAnI32RetvalAndOnlyThoseImplementHasRetval() throws IOException {
        Map<String, Class<?>> classes = new HashMap<>();
        for (ApiModule m : Binapi.modules()) {
            for (MessageDescriptor<? extends Message> d : m.messages()) {
                classes.put(d.name(), d.type());
            }
        }
        TreeSet<String> withRetval = new TreeSet<>();
        List<String> notFirst = new ArrayList<>();
        for (Path file : apiFiles()) {
            for (JsonNode msg : JSON.readTree(file.toFile()).path("messages")) {
                String name = msg.get(0).asText();
                int position = 0;
                for (JsonNode field : msg) {
                    if (field.isArray() && field.size() == 2 && field.get(1).asText().equals("retval")
                            && field.get(0).asText().equals("i32")) {
                        withRetval.add(name);
                        if (position != 3) {   // after the name, _vl_msg_id and context
                            notFirst.add(name);
                        }
                    }
                    position++;
                }
            }
        }
        assertThat(withRetval).as("messages with an i32 retval").hasSizeGreaterThan(800);
        assertThat(notFirst).as("replies whose retval follows another field").contains("acl_add_replace_reply",
                "macip_acl_add_reply", "macip_acl_add_replace_reply", "map_add_domain_reply");
        assertThat(notFirst).as("the mux confirms a want_* registration by the i32 right after the reply's header")
                .noneMatch(n -> n.startsWith("want_"));
        List<String> missing = withRetval.stream().filter(n -> classes.containsKey(n)
                && !HasRetval.class.isAssignableFrom(classes.get(n))).toList();
        assertThat(missing).as("messages with a retval that do not implement HasRetval").isEmpty();
        List<String> extra = classes.entrySet().stream().filter(e -> HasRetval.class.isAssignableFrom(e.getValue())
                && !withRetval.contains(e.getKey())).map(Map.Entry::getKey).toList();
        assertThat(extra).as("HasRetval messages without a retval").isEmpty();
    }

    @Test
    void aRetvalAfterAnIndexIsDecodedFromItsOwnPlace() {
        AclAddReplaceReply sent = new AclAddReplaceReply().aclIndex(9).retval(-6);
        ByteBuffer b = ByteBuffer.allocate(MessageCodec.length(sent));
        MessageCodec.encode(b, sent, 600, 0, 77);
        assertThat(b.getInt(6)).as("acl_index on the wire, after the header").isEqualTo(9);
        assertThat(b.getInt(10)).as("retval on the wire, after acl_index").isEqualTo(-6);
        AclAddReplaceReply got = new AclAddReplaceReply();
        MessageCodec.decode(b.array(), got);
        assertThat(((HasRetval) got).retval()).isEqualTo(-6);
        assertThat(got.aclIndex()).isEqualTo(9);
    }

    private static List<Path> apiFiles() throws IOException {
        try (Stream<Path> s = Files.walk(API)) {
            return s.filter(p -> p.toString().endsWith(".api.json")).sorted().toList();
        }
    }
}
