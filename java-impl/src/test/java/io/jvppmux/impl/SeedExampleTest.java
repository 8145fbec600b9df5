package io.jvppmux.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MultiRequestContext;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.TransportKind;
import io.jvppmux.api.VppMux;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's "Using it from a plugin", as a plugin author writes it, through {@code VppMux.connect} (the provider found by
 * ServiceLoader, socket transport). The only change: the configuration names the socket transport and mock-vpp's
 * socket instead of the default (shared memory, or /run/vpp/api.sock when libvppapiclient is missing).
 */
@Timeout(30)
class SeedExampleTest {
    private static final Logger log = LoggerFactory.getLogger(SeedExampleTest.class);

    @Test
    void theSeedsExampleWorksAsWritten() throws Exception {
        Path dir = Files.createTempDirectory("jvppmux-seed");
        List<Long> found = new ArrayList<>();
        try (MockVpp vpp = MockVpp.start(); MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"))) {
            MuxConfig config = MuxConfig.builder().transport(TransportKind.SOCKET).socketPath(server.path()).build();
            try (VppMux mux = VppMux.connect(config)) {                 // one per JVM, shared by plugins
                try (ApiChannel ch = mux.newApiChannel()) {              // 100/100 buffers
                    MultiRequestContext ctx = ch.sendMultiRequest(new SwInterfaceDump());
                    while (true) {
                        SwInterfaceDetails msg = new SwInterfaceDetails();
                        if (ctx.receiveReply(msg)) break;                // true = no more replies
                        log.info("Found interface with sw_if_index={}", msg.swIfIndex());
                        found.add(msg.swIfIndex());
                    }
                    // typed and asynchronous forms of the same calls:
                    ShowVersionReply v = ch.call(new ShowVersion());
                    CompletableFuture<ShowVersionReply> f = ch.callAsync(new ShowVersion());
                    List<SwInterfaceDetails> all = ch.dump(new SwInterfaceDump());
                    assertThat(v.program()).isEqualTo("vpe");
                    assertThat(f.get().version()).isEqualTo(v.version());
                    assertThat(all).extracting(SwInterfaceDetails::interfaceName).containsExactly("local0");
                }
                assertThat(mux).isInstanceOf(JvppMux.class);
            }
        } finally {
            Files.deleteIfExists(dir.resolve("api.sock"));
            Files.deleteIfExists(dir);
        }
        assertThat(found).containsExactly(0L);
    }
}
