package io.jvppmux.impl.transport.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.binapi.memclnt.SockclntCreateReply;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.binapi.wire.SocketFrames;
import io.jvppmux.mock.RecordingSink;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Handshakes that go wrong, against a hand-made server. */
class HandshakeFailureTest {
    private Path dir;
    private Path sock;
    private ServerSocketChannel server;
    private final CompletableFuture<SocketChannel> accepted = new CompletableFuture<>();
    private final SocketTransport transport = new SocketTransport();

    @BeforeEach
    void listen() throws IOException {
        dir = Files.createTempDirectory("hs");
        sock = dir.resolve("api.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(sock));
        Thread t = new Thread(() -> {
            try {
                accepted.complete(server.accept());
            } catch (IOException e) {
                accepted.completeExceptionally(e);
            }
        }, "test-accept");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void close() throws Exception {
        transport.disconnect();
        server.close();
        if (accepted.isDone() && !accepted.isCompletedExceptionally()) {
            accepted.get().close();
        }
        Files.deleteIfExists(sock);
        Files.deleteIfExists(dir);
    }

    private MuxConfig config(Duration timeout) {
        return MuxConfig.builder().socketPath(sock).connectTimeout(timeout).build();
    }

    @Test
    void silentServerTimesOut() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> transport.connect(config(Duration.ofMillis(300)), new RecordingSink()))
                .isInstanceOf(VppTransportException.class).hasMessageContaining("did not answer sockclnt_create")
                .hasMessageContaining(sock.toString());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(transport.isConnected()).isFalse();
    }

    @Test
    void refusedRegistrationIsAnError() throws Exception {
        CompletableFuture<Void> replied = CompletableFuture.runAsync(() -> {
            try {
                SocketChannel ch = accepted.get(5, TimeUnit.SECONDS);
                ByteBuffer in = ByteBuffer.allocate(SocketFrames.HEADER_SIZE + 70);
                while (in.hasRemaining()) {
                    if (ch.read(in) < 0) {
                        throw new IOException("EOF");
                    }
                }
                SockclntCreateReply r = new SockclntCreateReply().response(-1);
                ByteBuffer out = ByteBuffer.allocate(SocketFrames.HEADER_SIZE + MessageCodec.length(r));
                SocketFrames.putHeader(out, MessageCodec.length(r));
                MessageCodec.encode(out, r, SocketFrames.SOCKCLNT_CREATE_REPLY_ID, 0, in.getInt(SocketFrames.HEADER_SIZE + 2));
                out.flip();
                while (out.hasRemaining()) {
                    ch.write(out);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> transport.connect(config(Duration.ofSeconds(5)), new RecordingSink()))
                .isInstanceOf(VppTransportException.class).hasMessageContaining("refused").hasMessageContaining("-1");
        replied.get(5, TimeUnit.SECONDS);
    }

    @Test
    void wrongFirstMessageIsAnError() throws Exception {
        CompletableFuture.runAsync(() -> {
            try {
                SocketChannel ch = accepted.get(5, TimeUnit.SECONDS);
                ByteBuffer out = ByteBuffer.allocate(SocketFrames.HEADER_SIZE + 10);
                SocketFrames.putHeader(out, 10);
                out.putShort((short) 24).putInt(0).putInt(0).flip();
                ch.write(out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> transport.connect(config(Duration.ofSeconds(5)), new RecordingSink()))
                .isInstanceOf(VppTransportException.class).hasMessageContaining("expected sockclnt_create_reply");
    }
}
