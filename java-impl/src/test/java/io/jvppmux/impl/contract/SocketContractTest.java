package io.jvppmux.impl.contract;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.transport.socket.SocketTransport;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.nio.file.Files;
import java.nio.file.Path;

/** The contract over mock-vpp's UNIX socket server and the pure-Java socket transport. */
class SocketContractTest extends ContractSuite {
    private Path dir;
    private MockSocketServer server;

    @Override
    protected JvppMux connect(MockVpp vpp, MuxConfig config) throws Exception {
        dir = Files.createTempDirectory("jvppmux");
        server = vpp.startSocketServer(dir.resolve("api.sock"));
        return JvppMux.connect(config.toBuilder().socketPath(server.path()).build(), new SocketTransport());
    }

    @Override
    protected void stopFace() throws Exception {
        server.close();
        Files.deleteIfExists(dir.resolve("api.sock"));
        Files.deleteIfExists(dir);
    }
}
