package io.jvppmux.cli;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.TransportKind;
import io.jvppmux.api.VppMux;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.mock.MockVpp;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A connected mux and, unless the options name a live VPP, the embedded mock-vpp it talks to. */
final class Target implements AutoCloseable {
    private final MockVpp mock;
    private final VppMux mux;
    private final MuxConfig config;
    /** Where the time went, printed on close with {@code -v}; null without. */
    private final Timeline timeline;
    private final PrintWriter err;

    private Target(MockVpp mock, VppMux mux, MuxConfig config, Timeline timeline, PrintWriter err) {
        this.mock = mock;
        this.mux = mux;
        this.config = config;
        this.timeline = timeline;
        this.err = err;
        mark("connected");
    }

    /** Connects as {@code o} says; fails at once, telling why, when VPP cannot be reached. */
    static Target open(TargetOptions o) {
        return open(o, new PrintWriter(System.err, true));
    }

    /** {@link #open(TargetOptions)}; with {@code -v}, the timeline goes to {@code err} on close. */
    static Target open(TargetOptions o, PrintWriter err) {
        return open(o, err, java.util.function.UnaryOperator.identity());
    }

    /** {@link #open(TargetOptions, PrintWriter)} with the configuration {@code o} describes changed by {@code adjust}. */
    static Target open(TargetOptions o, PrintWriter err, java.util.function.UnaryOperator<MuxConfig> adjust) {
        Timeline timeline = o.verbose ? new Timeline() : null;
        if (timeline != null) {
            timeline.mark("command line parsed");
        }
        MuxConfig config = adjust.apply(config(o));
        if (o.live()) {
            return new Target(null, VppMux.connect(config), config, timeline, err);
        }
        MockVpp vpp = EmbeddedVpp.startApi();
        try {
            return new Target(vpp, JvppMux.connect(config, vpp.newTransport()), config, timeline, err);
        } catch (RuntimeException e) {
            vpp.close();
            throw e;
        }
    }

    /** With {@code -v}: marks the end of {@code step} (e.g. the first reply) in the timeline printed on close. */
    void mark(String step) {
        if (timeline != null) {
            timeline.mark(step);
        }
    }

    /** The configuration {@code o} describes: the file (or the defaults), then the command line over it. */
    static MuxConfig config(TargetOptions o) {
        if (o.socket != null && o.shm) {
            throw new IllegalArgumentException("give --socket or --shm, not both");
        }
        if (!o.shm && (o.shmPrefix != null || o.vppapiclient != null)) {
            throw new IllegalArgumentException((o.shmPrefix != null ? "--shm-prefix" : "--vppapiclient") + " needs --shm");
        }
        if (o.timeoutMillis != null && o.timeoutMillis <= 0) {
            throw new IllegalArgumentException("--timeout-ms must be positive: " + o.timeoutMillis);
        }
        if (o.verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        MuxConfig.Builder b = (o.config != null ? load(o.config) : MuxConfig.defaults()).toBuilder();
        if (o.socket != null) {
            b.transport(TransportKind.SOCKET).socketPath(o.socket);
        }
        if (o.shm) {
            b.transport(TransportKind.SHM).fallbackToSocket(false);
            if (o.shmPrefix != null) {
                b.shmPrefix(o.shmPrefix);
            }
            if (o.vppapiclient != null) {
                b.vppapiclientLibrary(o.vppapiclient);
            }
        }
        if (o.timeoutMillis != null) {
            b.replyTimeout(Duration.ofMillis(o.timeoutMillis));
        }
        return b.build();
    }

    /** The configuration file {@code --config} names; a missing or unreadable file is one line naming it. */
    static MuxConfig load(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("--config " + file + ": " + (Files.exists(file) ? "not readable" : "no such file"));
        }
        return MuxConfig.load(file);
    }

    VppMux mux() {
        return mux;
    }

    /** The configuration the mux connected with. */
    MuxConfig config() {
        return config;
    }

    /** The embedded mock-vpp, or null when talking to a live VPP. */
    MockVpp mock() {
        return mock;
    }

    @Override
    public void close() {
        mux.close();
        if (mock != null) {
            mock.close();
        }
        if (timeline != null) {
            timeline.mark("closed");
            err.println("jvppmux: " + timeline.render());
            err.flush();
        }
    }
}
