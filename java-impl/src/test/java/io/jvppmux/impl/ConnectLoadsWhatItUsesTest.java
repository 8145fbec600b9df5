package io.jvppmux.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.vlib.CliInbandReply;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.core.MessageCatalog;
import io.jvppmux.mock.MockVpp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12 item 3: connecting resolves every id from the keys alone; the only descriptors it looks up (and so the
 * only message classes and binding modules it loads through the catalog) are those of the messages the connect
 * receives, and a plugin's request adds the replies it receives, nothing else. Counted by the catalog itself.
 */
@Timeout(30)
class ConnectLoadsWhatItUsesTest {
    @Test
    void connectingLooksUpOnlyTheMessagesItExchanges() {
        try (MockVpp vpp = MockVpp.start(); JvppMux mux = JvppMux.connect(MuxConfig.defaults(), vpp.newTransport())) {
            MessageCatalog c = mux.messageCatalog();
            assertThat(c.size()).as("every key of the bundled bindings").isGreaterThan(2000);
            assertThat(mux.vppInfo().version()).isNotEmpty();
            // control_ping and its reply are the table's own; VppInfo is read with show_version and cli_inband
            // "show plugins"; a request's id is resolved from its own descriptor, so only replies are looked up by id
            assertThat(c.loadedKeys()).as("descriptors looked up by the connect").containsExactlyInAnyOrder(
                    ShowVersionReply.DESCRIPTOR.nameCrc(), CliInbandReply.DESCRIPTOR.nameCrc());
            assertThat(c.loadedModules()).as("vpe and vlib, of %s modules", c.modules()).isLessThanOrEqualTo(2);

            try (ApiChannel ch = mux.newApiChannel()) {
                assertThat(ch.dump(new SwInterfaceDump())).isNotEmpty();
            }
            assertThat(c.loadedKeys()).as("a dump adds its details (its end is the table's control_ping_reply)")
                    .containsExactlyInAnyOrder(ShowVersionReply.DESCRIPTOR.nameCrc(),
                            CliInbandReply.DESCRIPTOR.nameCrc(), SwInterfaceDetails.DESCRIPTOR.nameCrc());
        }
    }
}
