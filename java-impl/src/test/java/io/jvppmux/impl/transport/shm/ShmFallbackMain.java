package io.jvppmux.impl.transport.shm;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.TransportKind;
import io.jvppmux.api.VppMux;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.impl.JvppMux;
import java.nio.file.Path;

/**
 * In a JVM without libvppapiclient: {@code strict} prints the one-line error of
 * {@link ShmTransports#create}; {@code fallback} gets the socket transport and calls VPP at {@code args[1]};
 * {@code provider} does the same through {@code VppMux.connect} (fallback-to-socket is on by default).
 */
public final class ShmFallbackMain {
    private ShmFallbackMain() {
    }

    public static void main(String[] args) {
        MuxConfig config = MuxConfig.builder().transport(TransportKind.SHM).socketPath(Path.of(args[1])).build();
        if (args[0].equals("strict")) {
            try {
                ShmTransports.create(config, false);
                System.out.println("unexpected: created");
            } catch (RuntimeException e) {
                System.out.println("error=" + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return;
        }
        if (args[0].equals("provider")) {
            try (VppMux mux = VppMux.connect(config)) {
                System.out.println("provider version=" + mux.newApiChannel().call(new ShowVersion()).version());
            }
            return;
        }
        VppTransport t = ShmTransports.create(config, true);
        System.out.println("transport=" + t.getClass().getSimpleName());
        try (JvppMux mux = JvppMux.connect(config, t)) {
            System.out.println("version=" + mux.newApiChannel().call(new ShowVersion()).version());
        }
    }
}
