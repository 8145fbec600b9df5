package io.jvppmux.binapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.jvppmux.api.ApiModule;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDecodeException;
import io.jvppmux.api.MessageDescriptor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every generated message: randomized values, encode, decode, equal; sizes; truncation never escapes as IOOBE. */
class AllMessagesRoundTripTest {
    static List<MessageDescriptor<? extends Message>> all() {
        List<MessageDescriptor<? extends Message>> l = new ArrayList<>();
        Binapi.modules().forEach(m -> l.addAll(m.messages()));
        return l;
    }

    @Test
    void bindingsHoldEveryMessageOfVpp2606() {
        List<MessageDescriptor<? extends Message>> all = all();
        assertThat(all).hasSize(2093);
        Set<String> keys = new HashSet<>();
        all.forEach(d -> keys.add(d.nameCrc()));
        assertThat(keys).hasSize(2093).contains("control_ping_51077d14", "sw_interface_details_6c221fc7",
                "sockclnt_create_reply_35166268");
        assertThat(Binapi.modules()).hasSize(150);
        List<ApiModule> loaded = new ArrayList<>();
        ServiceLoader.load(ApiModule.class).forEach(loaded::add);
        assertThat(loaded).hasSize(150);
        for (MessageDescriptor<?> d : all) {
            String simple = d.type().getSimpleName();
            assertThat(simple).as(d.name()).isEqualToIgnoringCase(d.name().replace("_", ""));
        }
        assertThat(io.jvppmux.binapi.interfaces.SwInterfaceDump.class.getPackageName()).isEqualTo("io.jvppmux.binapi.interfaces");
    }

    @Test
    void everyMessageRoundTripsWithRandomValues() {
        int checked = 0;
        for (MessageDescriptor<? extends Message> d : all()) {
            for (long seed = 1; seed <= 3; seed++) {
                roundTrip(d, seed);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(2093);
    }

    private static void roundTrip(MessageDescriptor<? extends Message> d, long seed) {
        Message m = new RandomFiller(seed * 7919 + d.name().hashCode()).fill(d.newInstance(), 3);
        int size = m.encodedSize();
        ByteBuffer buf = ByteBuffer.allocate(size + 8);
        m.encode(buf);
        assertThat(buf.position()).as("%s: bytes written vs encodedSize", d.name()).isEqualTo(size);
        buf.flip();
        Message back = d.newInstance();
        back.decode(buf);
        assertThat(buf.position()).as("%s: bytes read", d.name()).isEqualTo(size);
        if (!back.equals(m)) {
            fail("%s seed %d: decoded %s%n  differs from %s", d.name(), seed, back, m);
        }
        assertThat(back.hashCode()).isEqualTo(m.hashCode());
        ByteBuffer again = ByteBuffer.allocate(size);
        back.encode(again);
        assertThat(again.array()).as(d.name()).isEqualTo(java.util.Arrays.copyOf(buf.array(), size));
        assertThat(m.toString()).startsWith(d.type().getSimpleName() + "{");
    }

    @Test
    void everyTruncationFailsWithAnExceptionNamingTheMessage() {
        for (MessageDescriptor<? extends Message> d : all()) {
            Message m = new RandomFiller(42).fill(d.newInstance(), 2);
            ByteBuffer full = ByteBuffer.allocate(m.encodedSize());
            m.encode(full);
            for (int len = 0; len < full.capacity(); len += Math.max(1, full.capacity() / 7)) {
                ByteBuffer part = ByteBuffer.wrap(full.array(), 0, len);
                int l = len;
                assertThatThrownBy(() -> d.newInstance().decode(part))
                        .as("%s truncated to %d of %d bytes", d.name(), l, full.capacity())
                        .isInstanceOf(MessageDecodeException.class)
                        .hasMessageContaining(d.name());
            }
        }
    }
}
