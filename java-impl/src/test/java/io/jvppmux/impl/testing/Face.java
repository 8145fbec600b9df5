package io.jvppmux.impl.testing;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.transport.socket.SocketTransport;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One way of reaching mock-vpp: its in-process transport, or its socket server with the pure-Java socket
 * transport (where a dead VPP is an end of stream, as with a real one).
 */
public abstract class Face implements AutoCloseable {
    /** Connects a mux to {@code vpp} through this face. */
    public abstract JvppMux connect(MockVpp vpp, MuxConfig config);

    /** Releases what the face set up (idempotent). */
    @Override
    public abstract void close();

    /**
     * Both faces as arguments of a parameterized test ({@code @MethodSource("io.jvppmux.impl.testing.Face#both")}):
     * a name, then a supplier of the face.
     */
    public static Stream<Arguments> both() {
        return Stream.of(Arguments.of("in-process", (Supplier<Face>) Face::inProcess),
                Arguments.of("socket", (Supplier<Face>) Face::socket));
    }

    /** mock-vpp's in-process transport. */
    public static Face inProcess() {
        return new Face() {
            @Override
            public JvppMux connect(MockVpp vpp, MuxConfig config) {
                return JvppMux.connect(config, vpp.newTransport());
            }

            @Override
            public void close() {
            }
        };
    }

    /** mock-vpp's socket server (one per mock), in a temporary directory. */
    public static Face socket() {
        return new SocketFace();
    }

    private static final class SocketFace extends Face {
        private final Map<MockVpp, MockSocketServer> servers = new HashMap<>();
        private Path dir;

        @Override
        public synchronized JvppMux connect(MockVpp vpp, MuxConfig config) {
            MockSocketServer server = servers.computeIfAbsent(vpp, v -> v.startSocketServer(directory().resolve(
                    "api" + servers.size() + ".sock")));
            return JvppMux.connect(config.toBuilder().socketPath(server.path()).build(), new SocketTransport());
        }

        private Path directory() {
            try {
                if (dir == null) {
                    dir = Files.createTempDirectory("jvppmux-face");
                }
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void close() {
            try {
                for (MockSocketServer s : servers.values()) {
                    s.close();
                    Files.deleteIfExists(s.path());
                }
                servers.clear();
                if (dir != null) {
                    Files.deleteIfExists(dir);
                    dir = null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
