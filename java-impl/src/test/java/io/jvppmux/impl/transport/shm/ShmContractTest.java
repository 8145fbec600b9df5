package io.jvppmux.impl.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.FailureCause;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.binapi.vlib.CliInband;
import io.jvppmux.binapi.memclnt.MemclntKeepalive;
import io.jvppmux.binapi.memclnt.MemclntKeepaliveReply;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.contract.ContractSuite;
import io.jvppmux.mock.MockVpp;
import io.jvppmux.mock.ReceivedMessage;
import io.jvppmux.shim.ShimCodes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The mux's contract over the shim path: JvppMux -> ShmTransport -> JNI -> C shim -> test libvppapiclient
 * -> mock-vpp's socket server, and back through the native rx thread into the ring.
 */
class ShmContractTest extends ContractSuite {
    private ShmFixture fixture;

    @Override
    protected JvppMux connect(MockVpp vpp, MuxConfig config) {
        fixture = new ShmFixture(vpp);
        return JvppMux.connect(config.toBuilder().shmPrefix(ShmFixture.PREFIX).build(), new ShmTransport());
    }

    @Override
    protected void stopFace() {
        fixture.close();
    }

    @Test
    void theMuxAnswersVppsKeepaliveOverSharedMemory() {
        vpp.sendKeepalive();
        ReceivedMessage reply = vpp.awaitReceived(MemclntKeepaliveReply.DESCRIPTOR, Duration.ofSeconds(5));
        ReceivedMessage keepalive = vpp.received().stream().filter(r -> r.is(MemclntKeepalive.DESCRIPTOR)).findFirst()
                .orElse(null);
        assertThat(keepalive).as("VPP sends keepalives, it does not receive them").isNull();
        assertThat(reply.bytes()).hasSize(10);
        assertThat(mux.metrics().keepalives()).isEqualTo(1);
    }

    @Test
    void aRequestLargerThanSharedMemoryTakesIsRefusedByNameAndNothingOfItIsWritten() {
        String command = "x".repeat(ShimCodes.MAX_WRITE);
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThatThrownBy(() -> ch.call(new CliInband().cmd(command)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cli_inband: 1,048,")
                    .hasMessageContaining("more than the 1,048,576 the transport (shm ")
                    .hasMessageContaining("send it over the socket transport");
            assertThat(vpp.received()).as("what mock-vpp received (the mux sends a short cli_inband when it connects)")
                    .noneMatch(r -> r.is(CliInband.DESCRIPTOR) && r.bytes().length > 1_000);
            assertThat(mux.metrics().message("cli_inband").failures(FailureCause.ABANDONED)).isEqualTo(1);
            assertThat(ch.call(new CliInband().cmd("show version")).reply()).as("the channel afterwards")
                    .startsWith("vpp v");
        }
    }
}
