package io.jvppmux.impl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.TransportKind;
import io.jvppmux.api.VppMux;
import io.jvppmux.api.VppTransportException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code VppMux.connect} finds {@link JvppMuxProvider} and builds the configured transport. The shm route
 * (shared memory, or the socket when libvppapiclient is missing) is tested through the provider in a JVM
 * without libvppapiclient: {@code transport.shm.ShmProcessTest}.
 */
@Timeout(10)
class ProviderTest {
    @Test
    void socketToNowhereIsATransportException() {
        assertThatThrownBy(() -> VppMux.connect(MuxConfig.builder().transport(TransportKind.SOCKET).socketPath(Path.of("/nonexistent/api.sock")).build()))
                .isInstanceOf(VppTransportException.class).hasMessageContaining("/nonexistent/api.sock");
    }
}
