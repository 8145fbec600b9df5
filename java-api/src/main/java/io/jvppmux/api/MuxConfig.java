package io.jvppmux.api;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The mux's configuration: one immutable object per connection, with govppmux's options where they
 * apply (docs/ARCHITECTURE.md, "Lifecycle"). Built in code with {@link #builder()}, from a file with {@link #load(Path)}
 * (Java properties; govpp.conf's {@code key: value} lines parse as they are), and from system
 * properties {@code jvppmux.<key>} with {@link #fromSystemProperties(MuxConfig)}. Every bad value is
 * rejected with an {@link IllegalArgumentException} naming the key and the value.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>transport</td><td>shm</td><td>shm or socket (shm falls back to the socket when libvppapiclient cannot load, see fallback-to-socket)</td></tr>
 * <tr><td>socket-path</td><td>/run/vpp/api.sock</td><td>VPP's API socket</td></tr>
 * <tr><td>shm-prefix</td><td>(empty)</td><td>VPP's shared-memory prefix ({@code api-segment { prefix }})</td></tr>
 * <tr><td>fallback-to-socket</td><td>true</td><td>use the socket when the shm transport cannot load</td></tr>
 * <tr><td>shim-library</td><td>(none)</td><td>explicit path of libjvppshim.so</td></tr>
 * <tr><td>vppapiclient-library</td><td>(none)</td><td>explicit path of libvppapiclient.so</td></tr>
 * <tr><td>rx-queue-length</td><td>1024</td><td>shm receive queue slots</td></tr>
 * <tr><td>client-name</td><td>jvppmux</td><td>the name {@code show api clients} shows</td></tr>
 * <tr><td>reply-timeout</td><td>1s</td><td>default reply timeout of channels</td></tr>
 * <tr><td>connect-timeout</td><td>5s</td><td>bound of one connect attempt</td></tr>
 * <tr><td>health-check-probe-interval</td><td>1s</td><td>control_ping period</td></tr>
 * <tr><td>health-check-reply-timeout</td><td>250ms</td><td>control_ping timeout</td></tr>
 * <tr><td>health-check-threshold</td><td>2</td><td>consecutive misses before NOT_RESPONDING</td></tr>
 * <tr><td>retry-request-count</td><td>0</td><td>re-sends of a request that failed because the connection was down</td></tr>
 * <tr><td>retry-request-timeout</td><td>500ms</td><td>wait before each re-send</td></tr>
 * <tr><td>retry-connect-count</td><td>0</td><td>failed reconnects before giving up; 0 = never give up</td></tr>
 * <tr><td>retry-connect-timeout</td><td>1s</td><td>first reconnect delay, doubled up to reconnect-backoff-max</td></tr>
 * <tr><td>reconnect-backoff-max</td><td>10s</td><td>cap of the reconnect delay</td></tr>
 * <tr><td>request-buffer-size</td><td>100</td><td>requests in flight per channel of newApiChannel()</td></tr>
 * <tr><td>reply-buffer-size</td><td>100</td><td>buffered replies per channel of newApiChannel()</td></tr>
 * <tr><td>reply-buffer-bytes</td><td>512 MiB</td><td>memory for the unread details of dumps and streams, per mux; no single request holds more than half</td></tr>
 * <tr><td>unread-reply-timeout</td><td>10s</td><td>replies nobody takes for this long (a context dropped, a dump left half read) are dropped as stale, freeing their room</td></tr>
 * <tr><td>event-buffer-bytes</td><td>64 MiB</td><td>memory for unread events beyond each subscription's buffer size, per mux; no single subscription holds more than half</td></tr>
 * <tr><td>ring-size</td><td>4096</td><td>ingress ring slots, a power of two</td></tr>
 * <tr><td>max-message-size</td><td>64 MiB</td><td>a larger incoming message is a corrupt stream</td></tr>
 * <tr><td>api-trace-size</td><td>0</td><td>last N messages kept in the API trace; 0 = off</td></tr>
 * <tr><td>stats-socket-path</td><td>/run/vpp/stats.sock</td><td>VPP's stats socket</td></tr>
 * </table>
 */
public final class MuxConfig {
    /** VPP's default API socket. */
    public static final Path DEFAULT_SOCKET_PATH = Path.of("/run/vpp/api.sock");
    /** VPP's default stats socket. */
    public static final Path DEFAULT_STATS_SOCKET_PATH = Path.of("/run/vpp/stats.sock");
    /** Prefix of the system properties read by {@link #fromSystemProperties(MuxConfig)}. */
    public static final String SYSTEM_PROPERTY_PREFIX = "jvppmux.";

    private final Builder v;

    private MuxConfig(Builder b) {
        this.v = b.copy();
    }

    /** The defaults (table above): shared memory with the default prefix, falling back to the socket. */
    public static MuxConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return v.copy();
    }

    /** The defaults overridden by the keys of a properties file (unknown keys are an error). */
    public static MuxConfig load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mux configuration " + file, e);
        }
        Builder b = builder();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            b.set(key, p.getProperty(key));
        }
        return b.build();
    }

    /** {@code base} overridden by every system property {@code jvppmux.<key>}. */
    public static MuxConfig fromSystemProperties(MuxConfig base) {
        Builder b = base.toBuilder();
        Properties sys = System.getProperties();
        for (String name : new TreeSet<>(sys.stringPropertyNames())) {
            if (name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
                String key = name.substring(SYSTEM_PROPERTY_PREFIX.length());
                if (Builder.KEYS.contains(key)) {
                    b.set(key, sys.getProperty(name));
                }
            }
        }
        return b.build();
    }

    /** {@code transport}. */
    public TransportKind transport() { return v.transport; }
    /** {@code socket-path}. */
    public Path socketPath() { return v.socketPath; }
    /** {@code shm-prefix}. */
    public String shmPrefix() { return v.shmPrefix; }
    /** {@code fallback-to-socket}. */
    public boolean fallbackToSocket() { return v.fallbackToSocket; }
    /** {@code shim-library}. */
    public Optional<Path> shimLibrary() { return Optional.ofNullable(v.shimLibrary); }
    /** {@code vppapiclient-library}. */
    public Optional<Path> vppapiclientLibrary() { return Optional.ofNullable(v.vppapiclientLibrary); }
    /** {@code rx-queue-length}. */
    public int rxQueueLength() { return v.rxQueueLength; }
    /** {@code client-name}. */
    public String clientName() { return v.clientName; }
    /** {@code reply-timeout}. */
    public Duration replyTimeout() { return v.replyTimeout; }
    /** {@code connect-timeout}. */
    public Duration connectTimeout() { return v.connectTimeout; }
    /** {@code health-check-probe-interval}. */
    public Duration healthCheckProbeInterval() { return v.healthCheckProbeInterval; }
    /** {@code health-check-reply-timeout}. */
    public Duration healthCheckReplyTimeout() { return v.healthCheckReplyTimeout; }
    /** {@code health-check-threshold}. */
    public int healthCheckThreshold() { return v.healthCheckThreshold; }
    /** {@code retry-request-count}. */
    public int retryRequestCount() { return v.retryRequestCount; }
    /** {@code retry-request-timeout}. */
    public Duration retryRequestTimeout() { return v.retryRequestTimeout; }
    /** {@code retry-connect-count}; 0 means never give up. */
    public int retryConnectCount() { return v.retryConnectCount; }
    /** {@code retry-connect-timeout}. */
    public Duration retryConnectTimeout() { return v.retryConnectTimeout; }
    /** {@code reconnect-backoff-max}. */
    public Duration reconnectBackoffMax() { return v.reconnectBackoffMax; }
    /** {@code request-buffer-size}. */
    public int requestBufferSize() { return v.requestBufferSize; }
    /** {@code reply-buffer-size}. */
    public int replyBufferSize() { return v.replyBufferSize; }
    /** {@code reply-buffer-bytes}. */
    public long replyBufferBytes() { return v.replyBufferBytes; }
    /** {@code unread-reply-timeout}. */
    public Duration unreadReplyTimeout() { return v.unreadReplyTimeout; }
    /** {@code event-buffer-bytes}. */
    public long eventBufferBytes() { return v.eventBufferBytes; }
    /** {@code ring-size}. */
    public int ringSize() { return v.ringSize; }
    /** {@code max-message-size}. */
    public int maxMessageSize() { return v.maxMessageSize; }
    /** {@code api-trace-size}. */
    public int apiTraceSize() { return v.apiTraceSize; }
    /** {@code stats-socket-path}. */
    public Path statsSocketPath() { return v.statsSocketPath; }

    /** Every key with its value, in the table's order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        Builder.KEYS.forEach(k -> m.put(k, String.valueOf(v.get(k))));
        return m;
    }

    @Override
    public String toString() {
        return "MuxConfig" + asMap();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MuxConfig c && asMap().equals(c.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    /** Builds a {@link MuxConfig}; each setter validates its value and names the key when it refuses. */
    public static final class Builder {
        /** Every key, in the order of {@link MuxConfig#asMap()}. */
        static final List<String> KEYS = List.of(
                "transport",
                "socket-path",
                "shm-prefix",
                "fallback-to-socket",
                "shim-library",
                "vppapiclient-library",
                "rx-queue-length",
                "client-name",
                "reply-timeout",
                "connect-timeout",
                "health-check-probe-interval",
                "health-check-reply-timeout",
                "health-check-threshold",
                "retry-request-count",
                "retry-request-timeout",
                "retry-connect-count",
                "retry-connect-timeout",
                "reconnect-backoff-max",
                "request-buffer-size",
                "reply-buffer-size",
                "reply-buffer-bytes",
                "unread-reply-timeout",
                "event-buffer-bytes",
                "ring-size",
                "max-message-size",
                "api-trace-size",
                "stats-socket-path");

        private TransportKind transport = TransportKind.SHM;
        private Path socketPath = DEFAULT_SOCKET_PATH;
        private String shmPrefix = "";
        private boolean fallbackToSocket = true;
        private Path shimLibrary;
        private Path vppapiclientLibrary;
        private int rxQueueLength = 1024;
        private String clientName = "jvppmux";
        private Duration replyTimeout = Duration.ofSeconds(1);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration healthCheckProbeInterval = Duration.ofSeconds(1);
        private Duration healthCheckReplyTimeout = Duration.ofMillis(250);
        private int healthCheckThreshold = 2;
        private int retryRequestCount = 0;
        private Duration retryRequestTimeout = Duration.ofMillis(500);
        private int retryConnectCount = 0;
        private Duration retryConnectTimeout = Duration.ofSeconds(1);
        private Duration reconnectBackoffMax = Duration.ofSeconds(10);
        private int requestBufferSize = VppMux.DEFAULT_BUFFER_SIZE;
        private int replyBufferSize = VppMux.DEFAULT_BUFFER_SIZE;
        private long replyBufferBytes = 512L << 20;
        private long eventBufferBytes = 64L << 20;
        private Duration unreadReplyTimeout = Duration.ofSeconds(10);
        private int ringSize = 4096;
        private int maxMessageSize = 64 << 20;
        private int apiTraceSize = 0;
        private Path statsSocketPath = DEFAULT_STATS_SOCKET_PATH;

        private Builder() {
        }

        /**
         * Sets a key from its text form, as in a file: durations like {@code 250ms} or {@code 1s}.
         *
         * @throws IllegalArgumentException for an unknown key or a bad value, naming both
         */
        public Builder set(String key, String value) {
            String k = key.trim();
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException(key + ": unknown configuration key (known: " + KEYS + ")");
            }
            Objects.requireNonNull(value, key);
            String s = value;
            // a switch, not a map of 27 lambdas: spinning those up costs a cold JVM milliseconds before any connect
            switch (k) {
                case "transport" -> transport(ConfigValues.transport("transport", s));
                case "socket-path" -> socketPath(Path.of(s.trim()));
                case "shm-prefix" -> shmPrefix(s.trim());
                case "fallback-to-socket" -> fallbackToSocket(ConfigValues.bool("fallback-to-socket", s));
                case "shim-library" -> shimLibrary(s.isBlank() ? null : Path.of(s.trim()));
                case "vppapiclient-library" -> vppapiclientLibrary(s.isBlank() ? null : Path.of(s.trim()));
                case "rx-queue-length" -> rxQueueLength(ConfigValues.integer("rx-queue-length", s));
                case "client-name" -> clientName(s.trim());
                case "reply-timeout" -> replyTimeout(ConfigValues.duration("reply-timeout", s));
                case "connect-timeout" -> connectTimeout(ConfigValues.duration("connect-timeout", s));
                case "health-check-probe-interval" -> healthCheckProbeInterval(ConfigValues.duration("health-check-probe-interval", s));
                case "health-check-reply-timeout" -> healthCheckReplyTimeout(ConfigValues.duration("health-check-reply-timeout", s));
                case "health-check-threshold" -> healthCheckThreshold(ConfigValues.integer("health-check-threshold", s));
                case "retry-request-count" -> retryRequestCount(ConfigValues.integer("retry-request-count", s));
                case "retry-request-timeout" -> retryRequestTimeout(ConfigValues.duration("retry-request-timeout", s));
                case "retry-connect-count" -> retryConnectCount(ConfigValues.integer("retry-connect-count", s));
                case "retry-connect-timeout" -> retryConnectTimeout(ConfigValues.duration("retry-connect-timeout", s));
                case "reconnect-backoff-max" -> reconnectBackoffMax(ConfigValues.duration("reconnect-backoff-max", s));
                case "request-buffer-size" -> requestBufferSize(ConfigValues.integer("request-buffer-size", s));
                case "reply-buffer-size" -> replyBufferSize(ConfigValues.integer("reply-buffer-size", s));
                case "reply-buffer-bytes" -> replyBufferBytes(ConfigValues.bytes("reply-buffer-bytes", s));
                case "unread-reply-timeout" -> unreadReplyTimeout(ConfigValues.duration("unread-reply-timeout", s));
                case "event-buffer-bytes" -> eventBufferBytes(ConfigValues.bytes("event-buffer-bytes", s));
                case "ring-size" -> ringSize(ConfigValues.integer("ring-size", s));
                case "max-message-size" -> maxMessageSize(ConfigValues.integer("max-message-size", s));
                case "api-trace-size" -> apiTraceSize(ConfigValues.integer("api-trace-size", s));
                case "stats-socket-path" -> statsSocketPath(Path.of(s.trim()));
                default -> throw new IllegalArgumentException(key);
            }
            return this;
        }

        public Builder transport(TransportKind x) { transport = Objects.requireNonNull(x, "transport"); return this; }
        public Builder socketPath(Path x) { socketPath = Objects.requireNonNull(x, "socket-path"); return this; }
        public Builder fallbackToSocket(boolean x) { fallbackToSocket = x; return this; }
        public Builder shimLibrary(Path x) { shimLibrary = x; return this; }
        public Builder vppapiclientLibrary(Path x) { vppapiclientLibrary = x; return this; }
        public Builder statsSocketPath(Path x) { statsSocketPath = Objects.requireNonNull(x, "stats-socket-path"); return this; }
        public Builder replyTimeout(Duration x) { replyTimeout = positive("reply-timeout", x); return this; }
        public Builder connectTimeout(Duration x) { connectTimeout = positive("connect-timeout", x); return this; }
        public Builder healthCheckProbeInterval(Duration x) { healthCheckProbeInterval = positive("health-check-probe-interval", x); return this; }
        public Builder healthCheckReplyTimeout(Duration x) { healthCheckReplyTimeout = positive("health-check-reply-timeout", x); return this; }
        public Builder retryRequestTimeout(Duration x) { retryRequestTimeout = positive("retry-request-timeout", x); return this; }
        public Builder retryConnectTimeout(Duration x) { retryConnectTimeout = positive("retry-connect-timeout", x); return this; }
        public Builder reconnectBackoffMax(Duration x) { reconnectBackoffMax = positive("reconnect-backoff-max", x); return this; }
        public Builder rxQueueLength(int x) { rxQueueLength = range("rx-queue-length", x, 32, 1 << 16); return this; }
        public Builder healthCheckThreshold(int x) { healthCheckThreshold = range("health-check-threshold", x, 1, 1000); return this; }
        public Builder retryRequestCount(int x) { retryRequestCount = range("retry-request-count", x, 0, 1000); return this; }
        public Builder retryConnectCount(int x) { retryConnectCount = range("retry-connect-count", x, 0, Integer.MAX_VALUE); return this; }
        public Builder requestBufferSize(int x) { requestBufferSize = range("request-buffer-size", x, 1, 32767); return this; }
        public Builder replyBufferSize(int x) { replyBufferSize = range("reply-buffer-size", x, 1, 1 << 20); return this; }
        public Builder maxMessageSize(int x) { maxMessageSize = range("max-message-size", x, 1024, 1 << 30); return this; }
        public Builder replyBufferBytes(long x) { replyBufferBytes = range("reply-buffer-bytes", x, 64L << 10); return this; }
        public Builder unreadReplyTimeout(Duration x) { unreadReplyTimeout = positive("unread-reply-timeout", x); return this; }
        public Builder eventBufferBytes(long x) { eventBufferBytes = range("event-buffer-bytes", x, 64L << 10); return this; }
        public Builder apiTraceSize(int x) { apiTraceSize = range("api-trace-size", x, 0, 1 << 20); return this; }

        /** Sets {@code shm-prefix}; at most 63 characters, no '/'. */
        public Builder shmPrefix(String x) {
            Objects.requireNonNull(x, "shm-prefix");
            if (x.length() > 63 || x.contains("/")) {
                throw new IllegalArgumentException("shm-prefix: '" + x + "' must be at most 63 characters without '/'");
            }
            shmPrefix = x;
            return this;
        }

        /** Sets {@code client-name}; 1..63 printable ASCII characters (VPP keeps 63). */
        public Builder clientName(String x) {
            Objects.requireNonNull(x, "client-name");
            if (x.isEmpty() || x.length() > 63 || !x.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("client-name: '" + x + "' must be 1..63 printable ASCII characters");
            }
            clientName = x;
            return this;
        }

        /** Sets {@code ring-size}; a power of two, 64..1048576. */
        public Builder ringSize(int x) {
            if (x < 64 || x > (1 << 20) || Integer.bitCount(x) != 1) {
                throw new IllegalArgumentException("ring-size: " + x + " must be a power of two in 64..1048576");
            }
            ringSize = x;
            return this;
        }

        /** The configuration. */
        public MuxConfig build() {
            if (healthCheckReplyTimeout.compareTo(healthCheckProbeInterval) > 0) {
                throw new IllegalArgumentException("health-check-reply-timeout: " + healthCheckReplyTimeout
                        + " must not exceed health-check-probe-interval " + healthCheckProbeInterval);
            }
            return new MuxConfig(this);
        }

        Object get(String key) {
            return switch (key) {
                case "transport" -> transport.name().toLowerCase(java.util.Locale.ROOT);
                case "socket-path" -> socketPath;
                case "shm-prefix" -> shmPrefix;
                case "fallback-to-socket" -> fallbackToSocket;
                case "shim-library" -> shimLibrary == null ? "" : shimLibrary;
                case "vppapiclient-library" -> vppapiclientLibrary == null ? "" : vppapiclientLibrary;
                case "rx-queue-length" -> rxQueueLength;
                case "client-name" -> clientName;
                case "reply-timeout" -> replyTimeout;
                case "connect-timeout" -> connectTimeout;
                case "health-check-probe-interval" -> healthCheckProbeInterval;
                case "health-check-reply-timeout" -> healthCheckReplyTimeout;
                case "health-check-threshold" -> healthCheckThreshold;
                case "retry-request-count" -> retryRequestCount;
                case "retry-request-timeout" -> retryRequestTimeout;
                case "retry-connect-count" -> retryConnectCount;
                case "retry-connect-timeout" -> retryConnectTimeout;
                case "reconnect-backoff-max" -> reconnectBackoffMax;
                case "request-buffer-size" -> requestBufferSize;
                case "reply-buffer-size" -> replyBufferSize;
                case "reply-buffer-bytes" -> replyBufferBytes;
                case "event-buffer-bytes" -> eventBufferBytes;
                case "unread-reply-timeout" -> unreadReplyTimeout;
                case "ring-size" -> ringSize;
                case "max-message-size" -> maxMessageSize;
                case "api-trace-size" -> apiTraceSize;
                case "stats-socket-path" -> statsSocketPath;
                default -> throw new IllegalArgumentException(key);
            };
        }

        Builder copy() {
            Builder b = new Builder();
            b.transport = transport;
            b.socketPath = socketPath;
            b.shmPrefix = shmPrefix;
            b.fallbackToSocket = fallbackToSocket;
            b.shimLibrary = shimLibrary;
            b.vppapiclientLibrary = vppapiclientLibrary;
            b.rxQueueLength = rxQueueLength;
            b.clientName = clientName;
            b.replyTimeout = replyTimeout;
            b.connectTimeout = connectTimeout;
            b.healthCheckProbeInterval = healthCheckProbeInterval;
            b.healthCheckReplyTimeout = healthCheckReplyTimeout;
            b.healthCheckThreshold = healthCheckThreshold;
            b.retryRequestCount = retryRequestCount;
            b.retryRequestTimeout = retryRequestTimeout;
            b.retryConnectCount = retryConnectCount;
            b.retryConnectTimeout = retryConnectTimeout;
            b.reconnectBackoffMax = reconnectBackoffMax;
            b.requestBufferSize = requestBufferSize;
            b.replyBufferSize = replyBufferSize;
            b.replyBufferBytes = replyBufferBytes;
            b.eventBufferBytes = eventBufferBytes;
            b.unreadReplyTimeout = unreadReplyTimeout;
            b.ringSize = ringSize;
            b.maxMessageSize = maxMessageSize;
            b.apiTraceSize = apiTraceSize;
            b.statsSocketPath = statsSocketPath;
            return b;
        }

        private static Duration positive(String key, Duration x) {
            Objects.requireNonNull(x, key);
            if (x.isNegative() || x.isZero()) {
                throw new IllegalArgumentException(key + ": " + x + " must be positive");
            }
            return x;
        }

        private static long range(String key, long x, long min) {
            if (x < min) {
                throw new IllegalArgumentException(key + ": " + x + " bytes must be at least " + min);
            }
            return x;
        }

        private static int range(String key, int x, int min, int max) {
            if (x < min || x > max) {
                throw new IllegalArgumentException(key + ": " + x + " must be in " + min + ".." + max);
            }
            return x;
        }
    }
}
