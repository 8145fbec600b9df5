package io.jvppmux.api;

import java.util.ServiceLoader;

/**
 * The one connection to VPP that plugins share; each plugin asks it for its own {@link ApiChannel}.
 *
 * <pre>{@code
 * try (VppMux mux = VppMux.connect(MuxConfig.defaults());
 *      ApiChannel ch = mux.newApiChannel()) {
 *     ShowVersionReply v = ch.call(new ShowVersion());
 * }
 * }</pre>
 */
public interface VppMux extends AutoCloseable {
    /** Default request and reply buffer sizes of {@link #newApiChannel()}. */
    int DEFAULT_BUFFER_SIZE = 100;

    /**
     * Connects with the implementation found on the class path (module {@code java-impl}).
     *
     * @throws VppTransportException when VPP cannot be reached
     * @throws IllegalStateException when no implementation is on the class path
     */
    static VppMux connect(MuxConfig config) {
        for (VppMuxProvider p : ServiceLoader.load(VppMuxProvider.class)) {
            return p.connect(config);
        }
        throw new IllegalStateException("no VppMuxProvider on the class path: add io.jvppmux:java-impl");
    }

    /** A new channel with request and reply buffers of 100. */
    default ApiChannel newApiChannel() {
        return newApiChannelBuffered(DEFAULT_BUFFER_SIZE, DEFAULT_BUFFER_SIZE);
    }

    /**
     * A new channel.
     *
     * @param requestSize how many requests may be in flight before senders block (1..32767)
     * @param replySize   how many received, not yet consumed replies the channel buffers (at least 1)
     */
    ApiChannel newApiChannelBuffered(int requestSize, int replySize);

    /** Whether the connection is up. */
    boolean isConnected();

    /** Closes every channel and the connection, and stops every thread the mux started. Idempotent. */
    @Override
    void close();
}
