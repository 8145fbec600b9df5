package io.jvppmux.impl.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.Subscription;
import io.jvppmux.api.VppApiException;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.DeleteLoopback;
import io.jvppmux.binapi.interfaces.InterfacesService;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlags;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.binapi.ipfix_export.IpfixAllExporterGet;
import io.jvppmux.binapi.ipfix_export.IpfixExportService;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.VpeService;
import io.jvppmux.impl.JvppMux;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The generated service clients against a live VPP over its socket: a dump, a call and its async form, a
 * cursor stream, a refused call, and a want_* subscription that receives a real event and whose close makes
 * VPP forget the registration. Leaves VPP as it found it (the loopback is deleted).
 */
@Timeout(60)
class LiveServiceTest {
    private static final Duration EVENT_WAIT = Duration.ofSeconds(10);

    @Test
    void everyKindOfServiceMethodWorksAgainstVpp() throws Exception {
        Path socket = Path.of(LiveVpp.require(LiveVpp.SOCKET, "the service clients"));
        try (JvppMux mux = LiveTransports.socket(MuxConfig.defaults(), socket); ApiChannel ch = mux.newApiChannel()) {
            InterfacesService ifs = InterfacesService.of(ch);
            assertThat(ifs.swInterfaceDump(new SwInterfaceDump())).extracting(SwInterfaceDetails::interfaceName)
                    .contains("local0");
            VpeService vpe = VpeService.of(ch);
            assertThat(vpe.showVersion(new ShowVersion()).program()).isEqualTo("vpe");
            assertThat(vpe.showVersionAsync(new ShowVersion()).get(10, TimeUnit.SECONDS).version())
                    .isEqualTo(mux.vppInfo().version());
            assertThat(IpfixExportService.of(ch).ipfixAllExporterGet(new IpfixAllExporterGet()))
                    .as("every VPP has IPFIX exporter 0").isNotEmpty();
            assertThatThrownBy(() -> ifs.deleteLoopback(new DeleteLoopback().swIfIndex(0xfffffffeL)))
                    .isInstanceOf(VppApiException.class);

            long loop = ifs.createLoopback(new CreateLoopback()).swIfIndex();
            try {
                try (Subscription<SwInterfaceEvent> events =
                             ifs.wantInterfaceEvents(new WantInterfaceEvents().pid(ProcessHandle.current().pid()), 64)) {
                    ifs.swInterfaceSetFlags(new SwInterfaceSetFlags().swIfIndex(loop).flagsValue(1));
                    assertThat(awaitEventFor(events, loop)).as("an event for the loopback set up").isTrue();
                }
                assertThatThrownBy(() -> ch.call(new WantInterfaceEvents().enableDisable(0)))
                        .as("closing sent the disable: VPP has no registration left to cancel")
                        .isInstanceOfSatisfying(VppApiException.class, e -> assertThat(e.retval()).isEqualTo(-31));
            } finally {
                ifs.deleteLoopback(new DeleteLoopback().swIfIndex(loop));
            }
        }
    }

    private static boolean awaitEventFor(Subscription<SwInterfaceEvent> events, long swIfIndex) {
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SwInterfaceEvent e = events.poll(Duration.ofMillis(500));
            if (e != null && e.swIfIndex() == swIfIndex) {
                return true;
            }
        }
        return false;
    }
}
