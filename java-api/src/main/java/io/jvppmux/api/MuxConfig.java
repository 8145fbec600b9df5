package io.jvppmux.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The mux's configuration: one immutable object per connection, built with {@link #builder()}.
 * Every setter rejects a bad value with an {@link IllegalArgumentException} naming the key and value.
 */
public final class MuxConfig {
    /** VPP's default API socket. */
    public static final Path DEFAULT_SOCKET_PATH = Path.of("/run/vpp/api.sock");

    private final TransportKind transport;
    private final Path socketPath;
    private final String shmPrefix;
    private final String clientName;
    private final Duration replyTimeout;
    private final Duration connectTimeout;
    private final int ringSize;
    private final int maxMessageSize;

    private MuxConfig(Builder b) {
        this.transport = b.transport;
        this.socketPath = b.socketPath;
        this.shmPrefix = b.shmPrefix;
        this.clientName = b.clientName;
        this.replyTimeout = b.replyTimeout;
        this.connectTimeout = b.connectTimeout;
        this.ringSize = b.ringSize;
        this.maxMessageSize = b.maxMessageSize;
    }

    /** The defaults: socket transport on {@link #DEFAULT_SOCKET_PATH}, reply timeout 1 s. */
    public static MuxConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.transport = transport;
        b.socketPath = socketPath;
        b.shmPrefix = shmPrefix;
        b.clientName = clientName;
        b.replyTimeout = replyTimeout;
        b.connectTimeout = connectTimeout;
        b.ringSize = ringSize;
        b.maxMessageSize = maxMessageSize;
        return b;
    }

    /** Key {@code transport}: shm or socket. */
    public TransportKind transport() {
        return transport;
    }

    /** Key {@code socket-path}: VPP's API socket. */
    public Path socketPath() {
        return socketPath;
    }

    /** Key {@code shm-prefix}: VPP's shared-memory prefix, empty for the default. */
    public String shmPrefix() {
        return shmPrefix;
    }

    /** Key {@code client-name}: the name VPP shows in {@code show api clients}. */
    public String clientName() {
        return clientName;
    }

    /** Key {@code reply-timeout}: the default reply timeout of new channels. */
    public Duration replyTimeout() {
        return replyTimeout;
    }

    /** Key {@code connect-timeout}: how long one connect attempt may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Key {@code ring-size}: slots of the ingress ring, a power of two. */
    public int ringSize() {
        return ringSize;
    }

    /** Key {@code max-message-size}: a larger incoming message is a corrupt stream. */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    @Override
    public String toString() {
        return "MuxConfig{transport=" + transport + ", socket-path=" + socketPath + ", shm-prefix='" + shmPrefix
                + "', client-name='" + clientName + "', reply-timeout=" + replyTimeout + ", connect-timeout="
                + connectTimeout + ", ring-size=" + ringSize + ", max-message-size=" + maxMessageSize + '}';
    }

    /** Builds a {@link MuxConfig}; each setter validates its value. */
    public static final class Builder {
        private TransportKind transport = TransportKind.SOCKET;
        private Path socketPath = DEFAULT_SOCKET_PATH;
        private String shmPrefix = "";
        private String clientName = "jvppmux";
        private Duration replyTimeout = Duration.ofSeconds(1);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private int ringSize = 4096;
        private int maxMessageSize = 64 << 20;

        private Builder() {
        }

        /** Sets {@code transport}. */
        public Builder transport(TransportKind v) {
            transport = Objects.requireNonNull(v, "transport");
            return this;
        }

        /** Sets {@code socket-path}. */
        public Builder socketPath(Path v) {
            socketPath = Objects.requireNonNull(v, "socket-path");
            return this;
        }

        /** Sets {@code shm-prefix}; at most 63 characters, no '/'. */
        public Builder shmPrefix(String v) {
            Objects.requireNonNull(v, "shm-prefix");
            if (v.length() > 63 || v.contains("/")) {
                throw new IllegalArgumentException("shm-prefix: '" + v + "' must be at most 63 characters without '/'");
            }
            shmPrefix = v;
            return this;
        }

        /** Sets {@code client-name}; 1..63 ASCII characters (VPP keeps 63). */
        public Builder clientName(String v) {
            Objects.requireNonNull(v, "client-name");
            if (v.isEmpty() || v.length() > 63 || !v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("client-name: '" + v + "' must be 1..63 printable ASCII characters");
            }
            clientName = v;
            return this;
        }

        /** Sets {@code reply-timeout}; positive. */
        public Builder replyTimeout(Duration v) {
            replyTimeout = positive("reply-timeout", v);
            return this;
        }

        /** Sets {@code connect-timeout}; positive. */
        public Builder connectTimeout(Duration v) {
            connectTimeout = positive("connect-timeout", v);
            return this;
        }

        /** Sets {@code ring-size}; a power of two, 64..1048576. */
        public Builder ringSize(int v) {
            if (v < 64 || v > (1 << 20) || Integer.bitCount(v) != 1) {
                throw new IllegalArgumentException("ring-size: " + v + " must be a power of two in 64..1048576");
            }
            ringSize = v;
            return this;
        }

        /** Sets {@code max-message-size}; 1 KiB..1 GiB. */
        public Builder maxMessageSize(int v) {
            if (v < 1024 || v > (1 << 30)) {
                throw new IllegalArgumentException("max-message-size: " + v + " must be in 1024..1073741824");
            }
            maxMessageSize = v;
            return this;
        }

        /** The configuration. */
        public MuxConfig build() {
            return new MuxConfig(this);
        }

        private static Duration positive(String key, Duration v) {
            Objects.requireNonNull(v, key);
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException(key + ": " + v + " must be positive");
            }
            return v;
        }
    }
}
