package io.jvppmux.api.spi;

import io.jvppmux.api.MuxConfig;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;

/**
 * The seam between the mux and a way of reaching VPP: the socket transport and the shared-memory
 * transport (java-impl, jvpp-shim) and mock-vpp's in-process transport implement it. Six operations,
 * bytes only: all encoding stays in the mux.
 *
 * <p>Lifecycle: {@link #connect} then any number of {@link #write}s from any threads, then
 * {@link #disconnect}; a transport may be connected again after a disconnect.
 */
public interface VppTransport {
    /**
     * Connects and starts the receive side, which delivers every incoming message to {@code sink}.
     * Bounded by {@link MuxConfig#connectTimeout()}.
     *
     * @throws io.jvppmux.api.VppTransportException when VPP cannot be reached or the handshake fails
     */
    void connect(MuxConfig config, RxSink sink);

    /**
     * The {@code client_index} the mux must write into every request-shaped header (socket: the
     * {@code index} of {@code sockclnt_create_reply}; shm: ignored, libvppapiclient writes it).
     */
    int clientIndex();

    /** The message id of {@code name_crc} in the connected VPP's table, or -1 when VPP does not know it. */
    int messageId(String nameCrc);

    /**
     * Every {@code name_crc} of the connected VPP's table, where the transport can list them (the socket
     * can; libvppapiclient cannot, so the shm transport lists the known bindings VPP confirms). Used to
     * tell a CRC change from a missing message.
     */
    default Optional<Set<String>> messageTable() {
        return Optional.empty();
    }

    /**
     * Sends one message: the bytes from the buffer's position to its limit, starting with the message id.
     * Thread-safe; each message is written whole, never interleaved with another.
     *
     * @throws io.jvppmux.api.NotConnectedException when not connected
     * @throws io.jvppmux.api.VppTransportException when the write fails
     */
    void write(ByteBuffer message);

    /** Whether connected. */
    boolean isConnected();

    /**
     * Disconnects (politely where the protocol says so) and stops the receive thread, within a bounded
     * time; the sink gets no more messages afterwards. Idempotent.
     */
    void disconnect();

    /**
     * Drops the connection at once, without the polite goodbye of {@link #disconnect()}: for a VPP already
     * known not to answer, whose goodbye would only be waited for in vain. Same guarantees otherwise.
     */
    default void abort() {
        disconnect();
    }

    /**
     * Looks, cheaply and without registering, whether a VPP is there to connect to now (the socket transport:
     * the socket file exists and accepts a connection, which it closes at once). Called by the mux's
     * supervisor between connect attempts, never while connected. Default: {@link VppPresence#UNKNOWN}.
     */
    default VppPresence presence(MuxConfig config) {
        return VppPresence.UNKNOWN;
    }

    /** A short description for logs, e.g. {@code socket /run/vpp/api.sock}. */
    String describe();
}
