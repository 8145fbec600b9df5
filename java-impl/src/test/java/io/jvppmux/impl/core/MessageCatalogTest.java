package io.jvppmux.impl.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiModule;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Ids resolve by key at connect; a message's descriptor (and class) loads only when its id is first looked up. */
class MessageCatalogTest {
    /** A module that lists keys and counts descriptor loads; asking it for all messages is a failure. */
    static class CountingModule implements ApiModule {
        final List<MessageDescriptor<? extends Message>> all;
        final List<String> loads = new ArrayList<>();

        CountingModule(List<MessageDescriptor<? extends Message>> all) {
            this.all = all;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<MessageDescriptor<? extends Message>> messages() {
            throw new AssertionError("every message class loaded");
        }

        @Override
        public List<String> messageNames() {
            return all.stream().map(MessageDescriptor::nameCrc).toList();
        }

        @Override
        public MessageDescriptor<? extends Message> message(String nameCrc) {
            loads.add(nameCrc);
            return all.stream().filter(d -> d.nameCrc().equals(nameCrc)).findFirst().orElse(null);
        }
    }

    /** A connected transport with a given table. */
    static VppTransport tableOf(Map<String, Integer> ids) {
        return new VppTransport() {
            @Override
            public void connect(MuxConfig config, RxSink sink) {
            }

            @Override
            public int clientIndex() {
                return 0;
            }

            @Override
            public int messageId(String nameCrc) {
                return ids.getOrDefault(nameCrc, -1);
            }

            @Override
            public void write(ByteBuffer message) {
            }

            @Override
            public boolean isConnected() {
                return true;
            }

            @Override
            public void disconnect() {
            }

            @Override
            public String describe() {
                return "table";
            }
        };
    }

    @Test
    void resolvingLoadsNoDescriptorAndTheFirstLookupOfAnIdLoadsItsOnceOnly() {
        CountingModule m = new CountingModule(List.of(ShowVersion.DESCRIPTOR, SwInterfaceDump.DESCRIPTOR,
                SwInterfaceDetails.DESCRIPTOR));
        MessageCatalog catalog = MessageCatalog.of(List.of(m));
        assertThat(catalog.size()).isEqualTo(3);
        Map<String, Integer> ids = new HashMap<>();
        ids.put(ShowVersion.DESCRIPTOR.nameCrc(), 40);
        ids.put(SwInterfaceDetails.DESCRIPTOR.nameCrc(), 700);
        ids.put(ControlPing.DESCRIPTOR.nameCrc(), 23);
        ids.put(ControlPingReply.DESCRIPTOR.nameCrc(), 24);
        MessageTable t = MessageTable.resolve(catalog, tableOf(ids), 3);

        assertThat(m.loads).as("nothing loaded at connect").isEmpty();
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.idOf(ShowVersion.DESCRIPTOR)).isEqualTo(40);
        assertThat(t.idOf(SwInterfaceDump.DESCRIPTOR)).as("VPP does not know it").isEqualTo(-1);
        assertThat(t.controlPingId()).isEqualTo(23);
        assertThat(t.byId(23)).isSameAs(ControlPing.DESCRIPTOR);
        assertThat(m.loads).as("looking up ids by descriptor loads nothing either").isEmpty();

        assertThat(t.byId(700)).isSameAs(SwInterfaceDetails.DESCRIPTOR);
        assertThat(t.byId(700)).isSameAs(SwInterfaceDetails.DESCRIPTOR);
        assertThat(m.loads).containsExactly(SwInterfaceDetails.DESCRIPTOR.nameCrc());
        assertThat(t.byId(41)).isNull();
        assertThat(t.byId(70_000)).isNull();
        assertThat(t.describe(40)).isEqualTo("show_version");
        assertThat(t.generation()).isEqualTo(3);

        MessageTable learned = t.with(SwInterfaceDump.DESCRIPTOR, 41);
        assertThat(learned.idOf(SwInterfaceDump.DESCRIPTOR)).isEqualTo(41);
        assertThat(learned.byId(41)).isSameAs(SwInterfaceDump.DESCRIPTOR);
        assertThat(learned.byId(700)).isSameAs(SwInterfaceDetails.DESCRIPTOR);
        assertThat(learned.generation()).isEqualTo(3);
    }

    @Test
    void aModuleThatListsAKeyItCannotProduceIsNamed() {
        CountingModule m = new CountingModule(List.of(ShowVersion.DESCRIPTOR)) {
            @Override
            public List<String> messageNames() {
                return List.of("ghost_12345678");
            }
        };
        MessageCatalog catalog = MessageCatalog.of(List.of(m));
        assertThatThrownBy(() -> catalog.descriptor("ghost_12345678")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ghost_12345678");
        assertThat(catalog.descriptor("not_listed_00000000")).isNull();
    }

    @Test
    void everyBindingModuleListsTheKeysOfItsMessagesAndFindsEachByKey() {
        int modules = 0;
        int messages = 0;
        for (ApiModule m : ServiceLoader.load(ApiModule.class)) {
            List<MessageDescriptor<? extends Message>> all = m.messages();
            assertThat(m.messageNames()).as(m.name()).containsExactlyElementsOf(
                    all.stream().map(MessageDescriptor::nameCrc).toList());
            for (MessageDescriptor<? extends Message> d : all) {
                assertThat(m.message(d.nameCrc())).as(d.nameCrc()).isSameAs(d);
            }
            assertThat(m.message("no_such_message_00000000")).isNull();
            modules++;
            messages += all.size();
        }
        assertThat(modules).isPositive();
        assertThat(ApiModules.catalog().size()).isEqualTo(ApiModules.loadMessages().size()).isLessThanOrEqualTo(messages);
    }
}
