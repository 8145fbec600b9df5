package io.jvppmux.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiModule;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.binapi.Binapi;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.vpe.ShowVersion;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageTableTest {
    @Test
    void memclntHasTheFixedIdsAndEveryBundledMessageIsIn() {
        MessageTable t = MessageTable.build(0);
        for (int id = 1; id <= 28; id++) {
            assertThat(t.descriptor(id).name()).isEqualTo(Catalog.MEMCLNT_ORDER.get(id - 1));
        }
        assertThat(t.id("sockclnt_create_455fb9c4")).isEqualTo(15);
        assertThat(t.id("sockclnt_create_reply_35166268")).isEqualTo(16);
        assertThat(t.id(ControlPing.DESCRIPTOR)).isEqualTo(23);
        assertThat(t.id(ShowVersion.DESCRIPTOR)).isGreaterThanOrEqualTo(MessageTable.FIRST_DYNAMIC_ID);
        Set<String> bundled = new HashSet<>();
        for (ApiModule m : Binapi.modules()) {
            for (MessageDescriptor<?> d : m.messages()) {
                bundled.add(d.nameCrc());
            }
        }
        assertThat(t.nameCrcs()).containsExactlyInAnyOrderElementsOf(bundled);
        assertThat(t.size()).isEqualTo(bundled.size()).isEqualTo(t.maxId());
        assertThat(t.descriptor(0)).isNull();
        assertThat(t.descriptor(t.maxId() + 1)).isNull();
        assertThat(t.id("no_such_message_12345678")).isEqualTo(-1);
    }

    @Test
    void sameSeedSameIdsOtherSeedOtherIds() {
        MessageTable a = MessageTable.build(0);
        MessageTable b = MessageTable.build(0);
        MessageTable c = MessageTable.build(1);
        assertThat(b.id(SwInterfaceDump.DESCRIPTOR)).isEqualTo(a.id(SwInterfaceDump.DESCRIPTOR));
        assertThat(c.id(ControlPing.DESCRIPTOR)).isEqualTo(23);
        int moved = 0;
        for (String k : a.nameCrcs()) {
            if (a.id(k) != c.id(k)) {
                moved++;
            }
        }
        assertThat(moved).as("dynamic ids reshuffled").isGreaterThan(a.size() * 9 / 10);
        assertThat(c.nameCrcs()).containsExactlyInAnyOrderElementsOf(a.nameCrcs());
    }
}
