package io.jvppmux.impl.transport.shm;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.FileAccess;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.api.spi.VppPresence;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.impl.core.ApiModules;
import io.jvppmux.shim.JvppShim;
import io.jvppmux.shim.RxMode;
import io.jvppmux.shim.ShimCodes;
import io.jvppmux.shim.ShimReceiver;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VPP's binary API over shared memory, through jvpp-shim and VPP's libvppapiclient, to the VPP that uses
 * the default shared-memory prefix or {@link MuxConfig#shmPrefix()}, with a receive queue of
 * {@link MuxConfig#rxQueueLength()} slots, the libraries of {@link MuxConfig#shimLibrary()} and
 * {@link MuxConfig#vppapiclientLibrary()} when set, and {@link ShmOptions} for the rest.
 *
 * <ul>
 *   <li>{@link #connect}: refuses at once, with what to do, when the shim or libvppapiclient cannot be
 *       loaded, when this JVM already uses the fixed address range libvppapiclient maps
 *       ({@link FixedRegion}), when VPP's {@code /dev/shm/[prefix-]vpe-api} is missing or not read/writable,
 *       or when another transport of this process is connected (libvppapiclient allows one connection per
 *       process). {@code vac_connect} runs on thread {@code jvppmux-shm-connect}, bounded by
 *       {@link MuxConfig#connectTimeout()}.</li>
 *   <li>Receive: {@link RxMode#CALLBACK} (default): libvppapiclient's rx thread, attached once as daemon
 *       {@code jvppmux-shm-rx}, copies each message straight into the sink's slot. {@link RxMode#READ}: a Java
 *       thread {@code jvppmux-shm-rx} loops on {@code vac_read}. {@code memclnt_keepalive} is delivered to the
 *       sink like any message: the mux's dispatcher answers it from its own thread (never from the rx
 *       thread, where a write could deadlock with a VPP blocked on our full queue: docs/PROTOCOL.md 2.4, 4.6),
 *       so the transport does not answer it too. VPP's death is not reported by libvppapiclient
 *       (docs/PROTOCOL.md 7.1): the mux's health check finds it; {@link RxSink#closed} is called only when
 *       {@code vac_read} fails.</li>
 *   <li>{@link #awaitReplies}: a caller waiting for its reply spins for it up to {@link ShmOptions#replySpin()}
 *       ({@link ReplySpin}: at most one spinner per two CPUs), then waits on its monitor.</li>
 *   <li>{@link #write}: thread-safe; never reaches {@code vac_write} unless connected (it crashes
 *       otherwise); heap buffers are copied into a per-thread direct buffer. The buffer is consumed.</li>
 *   <li>{@link #disconnect}: stops delivering to the sink, then runs {@code vac_disconnect} on thread
 *       {@code jvppmux-shm-disconnect} and waits up to {@link ShmOptions#disconnectTimeout()}; past it the call
 *       is left running (shm cannot reconnect in this process until it returns). Called on the rx thread, it
 *       does not wait at all (vac_disconnect waits for that thread). Idempotent.</li>
 * </ul>
 */
public final class ShmTransport implements VppTransport {
    private static final Logger LOG = LoggerFactory.getLogger(ShmTransport.class);
    /** The transport holding libvppapiclient's one connection of this process. */
    private static final AtomicReference<ShmTransport> OWNER = new AtomicReference<>();
    /** A vac_connect or vac_disconnect of this process left running (abandoned, or detached on the rx thread). */
    private static final AtomicReference<Thread> PENDING = new AtomicReference<>();

    private final ShmOptions options;
    private final Supplier<List<String>> maps;
    private final SegmentPresence segment;
    private final ReplySpin spin;
    private final Object lifecycle = new Object();
    private final ThreadLocal<ByteBuffer> direct = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1024));
    private volatile boolean connected;
    private volatile ShimReceiver receiver;
    private volatile ShmReader reader;
    private volatile String prefix = "";
    private volatile Set<String> table;

    /** With {@link ShmOptions#fromSystemProperties()}. */
    public ShmTransport() {
        this(ShmOptions.fromSystemProperties());
    }

    /** With explicit options. */
    public ShmTransport(ShmOptions options) {
        this(options, FixedRegion::readSelfMaps, Path.of("/dev/shm"));
    }

    ShmTransport(ShmOptions options, Supplier<List<String>> maps, Path shmDir) {
        this.options = Objects.requireNonNull(options, "options");
        this.maps = maps;
        this.segment = new SegmentPresence(shmDir);
        this.spin = ReplySpin.of(options.replySpin());
    }

    /** Spins for the reply a while ({@link ReplySpin}, {@link ShmOptions#replySpin()}), then waits on the monitor. */
    @Override
    public void awaitReplies(Object monitor, BooleanSupplier done, long deadlineNanos) throws InterruptedException {
        if (!spin.spin(done, deadlineNanos)) {
            VppTransport.waitOn(monitor, done, deadlineNanos);
        }
    }

    @Override
    public void connect(MuxConfig config, RxSink sink) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sink, "sink");
        synchronized (lifecycle) {
            if (connected) {
                throw new IllegalStateException("already connected to VPP over " + describe() + "; disconnect first");
            }
            prefix = config.shmPrefix();
            segment.tried(prefix);
            checkBeforeConnect(config);
            if (!OWNER.compareAndSet(null, this)) {
                throw new VppTransportException("libvppapiclient allows one connection per process and another "
                        + "shared-memory transport of this process holds it (" + OWNER.get().describe() + ")");
            }
            ShimReceiver r = new ShimReceiver(sink);
            try {
                connectNative(config, r);
            } catch (RuntimeException e) {
                OWNER.compareAndSet(this, null);
                throw e;
            }
            receiver = r;
            table = null;
            connected = true;
            if (options.rxMode() == RxMode.READ) {
                reader = ShmReader.start(r);
            }
            LOG.info("connected to VPP over {} as '{}' (rx queue {}, {})", describe(), config.clientName(),
                    config.rxQueueLength(), JvppShim.describe());
        }
    }

    private void checkBeforeConnect(MuxConfig config) {
        awaitPending();
        JvppShim.ensureAvailable(config.shimLibrary().orElse(null), config.vppapiclientLibrary().orElse(null));
        FixedRegion.check(maps.get());
        Path f = apiSegment();
        if (!Files.exists(f)) {
            throw new VppTransportException("VPP's API segment " + f + " does not exist: is VPP running"
                    + (prefix.isEmpty() ? "" : " with api-segment { prefix " + prefix + " }") + "?");
        }
        if (!Files.isReadable(f) || !Files.isWritable(f)) {
            throw new VppTransportException("no read/write access to VPP's API segment: " + FileAccess.explain(f));
        }
    }

    /** Waits (up to the disconnect timeout) for a native call of this process still running. */
    private void awaitPending() {
        Thread t = PENDING.get();
        if (t == null) {
            return;
        }
        try {
            t.join(options.disconnectTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            throw new VppTransportException("the previous " + t.getName() + " call into libvppapiclient has not "
                    + "returned yet: shared memory cannot reconnect in this process until it does");
        }
        PENDING.compareAndSet(t, null);
    }

    private void connectNative(MuxConfig config, ShimReceiver r) {
        BoundedCall call = new BoundedCall("jvppmux-shm-connect",
                () -> JvppShim.connect(config.clientName(), prefix, config.rxQueueLength(), options.rxMode(), r),
                failure -> {
                    if (failure == null) {
                        r.close();
                        JvppShim.disconnect(); // connected after the caller gave up: undo
                    }
                    OWNER.compareAndSet(this, null);
                });
        if (!call.runWithin(config.connectTimeout())) {
            PENDING.set(call.thread());
            throw new VppTransportException("vac_connect to " + describe() + " did not finish within "
                    + config.connectTimeout().toMillis() + " ms (it waits up to ~100 s for VPP's shared memory)");
        }
    }

    /** {@code /dev/shm/vpe-api} or {@code /dev/shm/<prefix>-vpe-api}. */
    Path apiSegment() {
        return segment.apiSegment(prefix);
    }

    /**
     * {@link VppPresence#ABSENT} while VPP's API segment file is missing or is still the file the last connect
     * attempt found (the one a killed VPP leaves), {@link VppPresence#PRESENT} once a new one is there: the moment
     * to reconnect, since {@code vac_connect} then waits for VPP to be ready ({@link SegmentPresence}).
     */
    @Override
    public VppPresence presence(MuxConfig config) {
        return segment.presence(config.shmPrefix());
    }

    /** 0: libvppapiclient writes the client index into every message itself. */
    @Override
    public int clientIndex() {
        return 0;
    }

    /** The id in the connected VPP's table, or -1 (also when not connected). */
    @Override
    public int messageId(String nameCrc) {
        Objects.requireNonNull(nameCrc, "nameCrc");
        if (!connected) {
            return -1;
        }
        try {
            return JvppShim.messageIndex(nameCrc);
        } catch (NotConnectedException e) {
            return -1;
        }
    }

    /**
     * The part of VPP's table that the bindings on the class path know: libvppapiclient cannot list its
     * table, so every {@code name_crc} of every {@link io.jvppmux.api.ApiModule} is looked up once per
     * connection and the ones VPP knows are kept. Enough to tell "CRC changed" from "missing" for any
     * message whose name some binding knows under the CRC this VPP has.
     */
    @Override
    public Optional<Set<String>> messageTable() {
        if (!connected) {
            return Optional.empty();
        }
        Set<String> t = table;
        if (t == null) {
            Set<String> known = new HashSet<>();
            for (String nameCrc : ApiModules.catalog().names()) {
                if (messageId(nameCrc) >= 0) {
                    known.add(nameCrc);
                }
            }
            t = Set.copyOf(known);
            table = t;
        }
        return Optional.of(t);
    }

    /**
     * {@link ShimCodes#MAX_WRITE}: libvppapiclient allocates each message in VPP's API segment and aborts the whole
     * process (the JVM) when that allocation fails (docs/PROTOCOL.md 7.3), so larger messages are never handed to
     * it. Over the socket the same message is written in one frame.
     */
    @Override
    public int maxWriteSize() {
        return ShimCodes.MAX_WRITE;
    }

    /**
     * {@link ShmOptions#bytesInFlight()}: a message stays in VPP's API segment until VPP has handled it, and a request
     * flood of large messages (measured: 4 channels x 64 in flight x 864 KB) fills it; libvppapiclient then aborts the
     * JVM inside its allocation, holding the segment's lock, and VPP waits on that lock for good.
     */
    @Override
    public long maxBytesInFlight() {
        return options.bytesInFlight();
    }

    @Override
    public void write(ByteBuffer message) {
        Objects.requireNonNull(message, "message");
        if (!connected) {
            throw new NotConnectedException("not connected to VPP over " + describe());
        }
        int len = message.remaining();
        if (len > ShimCodes.MAX_WRITE) {
            throw new IllegalArgumentException("message of " + len + " bytes: the shared-memory transport writes at most "
                    + ShimCodes.MAX_WRITE + " (an allocation failure in VPP's API segment aborts the process)");
        }
        JvppShim.write(message.isDirect() ? message : toDirect(message));
        message.position(message.limit());
    }

    private ByteBuffer toDirect(ByteBuffer heap) {
        ByteBuffer d = direct.get();
        if (d.capacity() < heap.remaining()) {
            d = ByteBuffer.allocateDirect(Math.max(heap.remaining(), 2 * d.capacity()));
            direct.set(d);
        }
        d.clear();
        d.put(heap.duplicate()).flip();
        return d;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public void disconnect() {
        synchronized (lifecycle) {
            if (!connected) {
                return;
            }
            connected = false;
            ShimReceiver r = receiver;
            r.close();
            boolean onRxThread = r.isReceiveThread(Thread.currentThread());
            ShmReader rd = reader;
            reader = null;
            if (rd != null) {
                rd.stop(onRxThread);
            }
            BoundedCall call = new BoundedCall("jvppmux-shm-disconnect", this::disconnectNative, failure -> { });
            if (onRxThread) {
                PENDING.set(call.thread());
                call.runDetached();
                LOG.info("disconnecting from VPP over {} (asked on the receive thread: not waiting)", describe());
                return;
            }
            if (!call.runWithin(options.disconnectTimeout())) {
                PENDING.set(call.thread());
                LOG.warn("vac_disconnect did not return within {} ms: left running on {}; shared memory cannot "
                        + "reconnect in this process until it returns", options.disconnectTimeout().toMillis(),
                        call.thread().getName());
                return;
            }
            LOG.info("disconnected from VPP over {} ({} messages received, {} dropped)", describe(), r.delivered(),
                    r.dropped());
        }
    }

    private void disconnectNative() {
        try {
            JvppShim.disconnect();
        } finally {
            OWNER.compareAndSet(this, null);
        }
    }

    @Override
    public String describe() {
        return "shm " + apiSegment() + " (" + options.rxMode().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
