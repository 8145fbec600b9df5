package io.jvppmux.stats;

import io.jvppmux.api.stats.BufferPool;
import io.jvppmux.api.stats.ErrorCounter;
import io.jvppmux.api.stats.InterfaceCounters;
import io.jvppmux.api.stats.MemoryCounters;
import io.jvppmux.api.stats.NodeCounters;
import io.jvppmux.api.stats.StatEntry;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.StatsDirectory;
import io.jvppmux.api.stats.StatsHealth;
import io.jvppmux.api.stats.StatsPattern;
import io.jvppmux.api.stats.SystemStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The stats client over a {@link StatsSegmentSource}. List and dump resolve the pattern and read the
 * values in one optimistic read; the typed views use prepared directories kept per view, so repeated calls
 * are cheap while VPP's directory is unchanged (as GoVPP's PrepareDir/UpdateDir). Thread-safe.
 */
public final class StatsClientImpl implements StatsClient {
    private static final StatsPattern SYS = StatsPattern.regex("/sys/[^/]+");
    private static final StatsPattern IF = StatsPattern.prefix("/if/");
    private static final StatsPattern NODES = StatsPattern.prefix("/sys/node/");
    private static final StatsPattern ERR = StatsPattern.prefix("/err/");
    private static final StatsPattern BUF = StatsPattern.prefix("/buffer-pools/");
    private static final StatsPattern MEM = StatsPattern.regex("/mem/[^/]+");
    private final SegmentHolder holder;
    private final ConcurrentMap<StatsPattern, StatsDirectory> views = new ConcurrentHashMap<>();

    /**
     * Maps the source's segment now.
     *
     * @throws io.jvppmux.api.stats.StatsUnavailableException when the segment cannot be obtained
     * @throws io.jvppmux.api.stats.StatsFormatException      when it is not a segment this client reads
     */
    public StatsClientImpl(StatsSegmentSource source, StatsOptions options) {
        this.holder = new SegmentHolder(source, options);
    }

    @Override
    public List<String> listStats(StatsPattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return holder.read((s, epoch) -> {
            DirectoryScan d = DirectoryScan.read(s, epoch);
            List<String> out = new ArrayList<>();
            for (String n : d.names) {
                if (n != null && pattern.matches(n)) {
                    out.add(n);
                }
            }
            return out;
        });
    }

    @Override
    public List<StatEntry> dumpStats(StatsPattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return holder.read((s, epoch) -> {
            long dir = s.directory();
            DirectoryScan d = DirectoryScan.read(s, epoch, dir);
            return Selection.resolve(s, d, pattern).read(s, dir, d.length);
        });
    }

    @Override
    public StatsDirectory prepare(StatsPattern pattern) {
        return new PreparedDirectory(holder, Objects.requireNonNull(pattern, "pattern"));
    }

    @Override
    public SystemStats systemStats() {
        return StatsViews.system(view(SYS));
    }

    @Override
    public List<NodeCounters> nodeStats() {
        return StatsViews.nodes(view(NODES));
    }

    @Override
    public List<InterfaceCounters> interfaceStats() {
        return StatsViews.interfaces(view(IF));
    }

    @Override
    public List<ErrorCounter> errorStats() {
        return StatsViews.errors(view(ERR));
    }

    @Override
    public List<BufferPool> bufferStats() {
        return StatsViews.buffers(view(BUF));
    }

    @Override
    public List<MemoryCounters> memoryStats() {
        return StatsViews.memory(view(MEM));
    }

    private List<StatEntry> view(StatsPattern p) {
        StatsDirectory d = views.get(p);
        if (d == null) {
            d = prepare(p);
            StatsDirectory prior = views.putIfAbsent(p, d);
            return prior == null ? d.read() : prior.read();
        }
        return d.read();
    }

    @Override
    public StatsHealth health() {
        return holder.health();
    }

    @Override
    public void close() {
        holder.close();
    }
}
