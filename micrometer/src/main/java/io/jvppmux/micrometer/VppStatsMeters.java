package io.jvppmux.micrometer;

import io.jvppmux.api.stats.ErrorCounter;
import io.jvppmux.api.stats.InterfaceCounters;
import io.jvppmux.api.stats.PerThread;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.StatsException;
import io.jvppmux.api.stats.SystemStats;
import io.jvppmux.api.stats.Unsigned;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds VPP's statistics segment, read through a {@link StatsClient}, to Micrometer registries. One read of
 * the segment ({@code /sys}, {@code /if}, {@code /err}) serves every meter for {@code sampleAge} (1 s by
 * default); {@link #refresh()} reads now. Interfaces created later get their meters at the next read, deleted
 * ones lose them. Counters are VPP's unsigned 64-bit values summed over VPP's threads; they go back to 0 after
 * {@code clear interfaces} / {@code clear errors} or a VPP restart, which Prometheus's {@code rate()} treats as
 * a counter reset.
 *
 * <ul>
 *   <li>{@code vpp.interface.rx.packets}, {@code .rx.bytes}, {@code .tx.packets}, {@code .tx.bytes},
 *       {@code .rx.unicast.packets} (and multicast, broadcast, and the same for tx), {@code .drops},
 *       {@code .punts}, {@code .ip4}, {@code .ip6}, {@code .mpls}, {@code .rx.no.buf}, {@code .rx.miss},
 *       {@code .rx.errors}, {@code .tx.errors}: counters, tag {@code interface} (VPP's interface name)</li>
 *   <li>{@code vpp.errors}: counter, tags {@code node} and {@code reason}; only counters that have been non-zero
 *       once, unless {@code allErrors} (VPP has thousands, nearly all 0)</li>
 *   <li>{@code vpp.vector.rate}, {@code vpp.input.rate}, {@code vpp.worker.threads}: gauges from {@code /sys};
 *       {@code vpp.vector.rate.per.worker} (tag {@code thread}); {@code vpp.uptime} and {@code vpp.boot.time}
 *       (seconds); {@code vpp.heartbeat} (counter)</li>
 *   <li>{@code vpp.stats.up}: 1 when the last read of the segment succeeded, 0 when it failed (VPP gone); the
 *       counters keep their last values meanwhile</li>
 * </ul>
 * Meters hold the client weakly: they read NaN once it is gone.
 */
public final class VppStatsMeters implements MeterBinder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VppStatsMeters.class);

    private final StatsClient client;
    private final Tags tags;
    private final boolean allErrors;
    private final MeterSet meters = new MeterSet();
    private final Sampler<StatsSample> sampler;
    private StatsSample last = StatsSample.EMPTY;

    /** Binds {@code client} with no extra tags, read at most once a second, non-zero error counters only. */
    public VppStatsMeters(StatsClient client) {
        this(client, Tags.empty(), Duration.ofSeconds(1), false);
    }

    /**
     * Binds {@code client}.
     *
     * @param tags      added to every meter
     * @param sampleAge how old a read may be before a meter's read reads the segment again (zero: every time)
     * @param allErrors register every {@code /err} counter, not only those that have been non-zero
     */
    public VppStatsMeters(StatsClient client, Iterable<Tag> tags, Duration sampleAge, boolean allErrors) {
        this.client = Objects.requireNonNull(client, "client");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
        this.allErrors = allErrors;
        this.sampler = new Sampler<>(this::sample, sampleAge, System::nanoTime);
        addSystemMeters();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        meters.bindTo(registry);
        refresh();
    }

    /** Reads the segment now, registering and removing the meters of interfaces and errors that came and went. */
    public void refresh() {
        sampler.refresh();
    }

    /** Whether the last read of the segment succeeded. */
    public boolean up() {
        return sampler.get().up();
    }

    /** Removes every meter of this binder from every registry it was bound to. */
    @Override
    public void close() {
        meters.close();
    }

    private synchronized StatsSample sample() {
        StatsSample s;
        try {
            s = StatsSample.read(client);
        } catch (StatsException e) {
            if (last.up() || last == StatsSample.EMPTY) {
                LOG.warn("VPP's stats segment cannot be read, counters keep their last values: {}", e.getMessage());
            }
            last = last.down();
            return last;
        }
        if (!last.up() && last != StatsSample.EMPTY) {
            LOG.info("VPP's stats segment is readable again");
        }
        last = s;
        s.interfaces().keySet().forEach(this::addInterfaceMeters);
        meters.retain("interface", s.interfaces().keySet());
        s.errors().values().stream().filter(e -> allErrors || e.values().sum() != 0).forEach(this::addErrorMeter);
        meters.retain("error", s.errors().keySet());
        if (s.system().vectorRatePerWorker() != null) {
            for (int t = 0; t < s.system().vectorRatePerWorker().threads(); t++) {
                addWorkerMeter(t);
            }
        }
        return s;
    }

    private void addSystemMeters() {
        sysGauge("vpp.vector.rate", "/sys/vector_rate", null, SystemStats::vectorRate);
        sysGauge("vpp.input.rate", "/sys/input_rate", null, SystemStats::inputRate);
        sysGauge("vpp.worker.threads", "/sys/num_worker_threads", null, SystemStats::numWorkerThreads);
        sysGauge("vpp.uptime", "/sys/last_update: VPP's uptime at the last stats collector run", "seconds",
                SystemStats::lastUpdate);
        sysGauge("vpp.boot.time", "/sys/boottime", "seconds", SystemStats::bootTime);
        meters.add("fixed", "", "vpp.heartbeat", r -> FunctionCounter.builder("vpp.heartbeat", client,
                        c -> system(SystemStats::heartbeat)).description("/sys/heartbeat: stats collector runs")
                .tags(tags).register(r));
        meters.add("fixed", "", "vpp.stats.up", r -> Gauge.builder("vpp.stats.up", client, c -> sampler.get().up() ? 1 : 0)
                .description("1 when the last read of VPP's stats segment succeeded").tags(tags).register(r));
    }

    private void sysGauge(String name, String description, String unit, ToLongFunction<SystemStats> value) {
        gauge("fixed", "", name, name, description, unit, Tags.empty(), c -> system(value));
    }

    private double system(ToLongFunction<SystemStats> value) {
        SystemStats s = sampler.get().system();
        return s == null ? Double.NaN : Unsigned.toDouble(value.applyAsLong(s));
    }

    private void addWorkerMeter(int thread) {
        String t = Integer.toString(thread);
        gauge("worker", t, "worker:" + t, "vpp.vector.rate.per.worker", "/sys/vector_rate_per_worker", null,
                Tags.of("thread", t), c -> {
                    PerThread p = sampler.get().system().vectorRatePerWorker();
                    return thread < p.threads() ? Unsigned.toDouble(p.get(thread)) : Double.NaN;
                });
    }

    private void addInterfaceMeters(String name) {
        Tags t = Tags.of("interface", name);
        for (InterfaceMeter m : InterfaceMeter.values()) {
            meters.add("interface", name, "interface:" + name + ":" + m, r -> FunctionCounter.builder(m.meterName,
                    client, c -> interfaceValue(name, m)).description(m.description).tags(tags).tags(t).register(r));
        }
    }

    private double interfaceValue(String name, InterfaceMeter m) {
        InterfaceCounters i = sampler.get().interfaces().get(name);
        return i == null ? Double.NaN : Unsigned.toDouble(m.read(i));
    }

    private void addErrorMeter(ErrorCounter e) {
        String name = e.name();
        meters.add("error", name, "error:" + name, r -> FunctionCounter.builder("vpp.errors", client, c -> {
            ErrorCounter now = sampler.get().errors().get(name);
            return now == null ? Double.NaN : Unsigned.toDouble(now.values().sum());
        }).description("VPP's error counters (/err/<node>/<reason>)").tags(tags)
                .tags("node", e.node(), "reason", e.reason()).register(r));
    }

    private void gauge(String kind, String group, String key, String name, String description, String unit, Tags t,
                       ToDoubleFunction<StatsClient> value) {
        meters.add(kind, group, key, r -> Gauge.builder(name, client, value).description(description).baseUnit(unit)
                .tags(tags).tags(t).register(r));
    }
}
