package io.jvppmux.micrometer;

import io.jvppmux.api.ChannelMetrics;
import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.FailureCause;
import io.jvppmux.api.LatencyHistogram;
import io.jvppmux.api.MessageMetrics;
import io.jvppmux.api.MetricsSnapshot;
import io.jvppmux.api.VppMux;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds a {@link VppMux}'s metrics to Micrometer registries. Every meter reads the mux's
 * {@link VppMux#metrics() snapshot}, taken at most once per {@code sampleAge} (1 s by default) however many
 * meters a scrape reads; {@link #refresh()} takes one now. Meters of a request message appear with the first
 * snapshot that holds the message.
 *
 * <pre>{@code
 * MuxMeters meters = new MuxMeters(mux, Tags.of("agent", "my-agent"));
 * meters.bindTo(registry);            // keep meters; close() removes its meters from every registry
 * }</pre>
 *
 * <p>Names (Micrometer's dotted form; the Prometheus registry writes {@code jvppmux_requests_total} and so on):
 * <ul>
 *   <li>{@code jvppmux.requests}, {@code jvppmux.replies} (counters, tag {@code message}: the request's VPP name)</li>
 *   <li>{@code jvppmux.request.failures} (counter, tags {@code message}, {@code cause}: {@code timeout},
 *       {@code reply_overflow}, {@code not_connected}, {@code channel_closed}, {@code abandoned},
 *       {@code vpp_error})</li>
 *   <li>{@code jvppmux.request.latency} (function timer: completed round trips and their total time, tag
 *       {@code message})</li>
 *   <li>{@code jvppmux.request.latency.percentile} (gauge, seconds, tag {@code phi} 0.5, 0.9, 0.99, 0.999: the
 *       upper bound of the histogram bucket holding it, over the round trips completed since the previous
 *       sample)</li>
 *   <li>{@code jvppmux.request.latency.histogram} (counter, tag {@code le}: round trips faster than that many
 *       seconds, cumulative, for Prometheus's {@code histogram_quantile})</li>
 *   <li>{@code jvppmux.request.timeouts}, {@code jvppmux.request.retries} (counters)</li>
 *   <li>{@code jvppmux.requests.in.flight}, {@code jvppmux.channels.open} (gauges)</li>
 *   <li>{@code jvppmux.drops} (counter, tag {@code reason}: {@code reply_overflow}, {@code stale},
 *       {@code unknown_id}, {@code malformed}, {@code event})</li>
 *   <li>{@code jvppmux.events} (events delivered), {@code jvppmux.unsolicited}, {@code jvppmux.keepalives},
 *       {@code jvppmux.dispatch.errors} (counters)</li>
 *   <li>{@code jvppmux.reconnects}, {@code jvppmux.health.probes}, {@code jvppmux.health.misses} (counters)</li>
 *   <li>{@code jvppmux.connection.state} (gauge, tag {@code state}: 1 for the state the connection is in now,
 *       0 for the others)</li>
 * </ul>
 * Meters hold the mux weakly, as Micrometer's binders do: they read NaN once the mux is gone.
 */
public final class MuxMeters implements MeterBinder, AutoCloseable {
    /** The percentiles {@code jvppmux.request.latency.percentile} reports. */
    public static final List<Double> PERCENTILES = List.of(0.5, 0.9, 0.99, 0.999);

    private record Sample(MetricsSnapshot snapshot, LatencyHistogram window) {
    }

    private final VppMux mux;
    private final Tags tags;
    private final MeterSet meters = new MeterSet();
    private final Sampler<Sample> sampler;
    private LatencyHistogram previousLatency;

    /** Binds {@code mux} with no extra tags, sampled at most once a second. */
    public MuxMeters(VppMux mux) {
        this(mux, Tags.empty(), Duration.ofSeconds(1));
    }

    /** Binds {@code mux} with {@code tags} on every meter, sampled at most once a second. */
    public MuxMeters(VppMux mux, Iterable<Tag> tags) {
        this(mux, tags, Duration.ofSeconds(1));
    }

    /**
     * Binds {@code mux}.
     *
     * @param tags      added to every meter (e.g. which agent or which VPP)
     * @param sampleAge how old a snapshot may be before a meter's read takes a new one (zero: every read)
     */
    public MuxMeters(VppMux mux, Iterable<Tag> tags, Duration sampleAge) {
        this.mux = Objects.requireNonNull(mux, "mux");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
        this.sampler = new Sampler<>(this::sample, sampleAge, System::nanoTime);
        addFixedMeters();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        meters.bindTo(registry);
        refresh();
    }

    /** Takes a snapshot now and registers the meters of messages sent since the last one. */
    public void refresh() {
        sampler.refresh();
    }

    /** Removes every meter of this binder from every registry it was bound to. */
    @Override
    public void close() {
        meters.close();
    }

    private synchronized Sample sample() {
        MetricsSnapshot s = mux.metrics();
        LatencyHistogram window = LatencyWindow.between(previousLatency, s.latency());
        previousLatency = s.latency();
        for (MessageMetrics m : s.messages().values()) {
            addMessageMeters(m.name());
        }
        for (ChannelMetrics c : s.channels().values()) {
            addChannelMeters(c.name());
        }
        return new Sample(s, window);
    }

    private MetricsSnapshot snapshot() {
        return sampler.get().snapshot();
    }

    private void addFixedMeters() {
        counter("jvppmux.request.timeouts", "requests that got no reply within their reply timeout", Tags.empty(),
                MetricsSnapshot::timeouts);
        counter("jvppmux.request.retries", "requests re-sent after the connection came back", Tags.empty(),
                MetricsSnapshot::retries);
        gauge("jvppmux.requests.in.flight", "requests sent and not yet ended", null, Tags.empty(),
                m -> snapshot().inFlight());
        gauge("jvppmux.channels.open", "channels open", null, Tags.empty(), m -> snapshot().channelsOpen());
        String drops = "messages dropped, by reason";
        counter("jvppmux.drops", drops, Tags.of("reason", "reply_overflow"), MetricsSnapshot::overflowDrops);
        counter("jvppmux.drops", drops, Tags.of("reason", "stale"), MetricsSnapshot::staleDrops);
        counter("jvppmux.drops", drops, Tags.of("reason", "unknown_id"), MetricsSnapshot::unknownIds);
        counter("jvppmux.drops", drops, Tags.of("reason", "malformed"), MetricsSnapshot::malformedDrops);
        counter("jvppmux.drops", drops, Tags.of("reason", "event"), MetricsSnapshot::eventDrops);
        counter("jvppmux.events", "events delivered to subscribers", Tags.empty(), MetricsSnapshot::events);
        counter("jvppmux.unsolicited", "context-less messages nobody subscribed to", Tags.empty(),
                MetricsSnapshot::unsolicited);
        counter("jvppmux.keepalives", "memclnt_keepalive messages answered", Tags.empty(), MetricsSnapshot::keepalives);
        counter("jvppmux.dispatch.errors", "exceptions caught in the dispatcher", Tags.empty(),
                MetricsSnapshot::dispatchErrors);
        counter("jvppmux.reconnects", "successful reconnects", Tags.empty(), MetricsSnapshot::reconnects);
        counter("jvppmux.health.probes", "health-check probes sent", Tags.empty(), MetricsSnapshot::healthProbes);
        counter("jvppmux.health.misses", "health-check probes missed", Tags.empty(), MetricsSnapshot::healthMisses);
        for (ConnectionState state : ConnectionState.values()) {
            gauge("jvppmux.connection.state", "1 for the state the connection is in now, 0 for the others", null,
                    Tags.of("state", lower(state)), m -> m.connectionState() == state ? 1 : 0);
        }
        for (double phi : PERCENTILES) {
            gauge("jvppmux.request.latency.percentile", "round trip since the previous sample (bucket upper bound)",
                    "seconds", Tags.of("phi", Double.toString(phi)),
                    m -> LatencyWindow.quantileSeconds(sampler.get().window(), phi));
        }
        addHistogram();
    }

    private void addHistogram() {
        List<LatencyHistogram.Bucket> buckets = mux.metrics().latency().buckets();
        for (int i = 0; i < buckets.size(); i++) {
            Duration upper = buckets.get(i).upperBound();
            String le = upper == null ? "+Inf" : BigDecimal.valueOf(upper.toNanos(), 9).stripTrailingZeros().toPlainString();
            int index = i;
            counter("jvppmux.request.latency.histogram", "round trips faster than le seconds (cumulative)",
                    Tags.of("le", le), s -> LatencyWindow.cumulative(s.latency(), index));
        }
    }

    private void addMessageMeters(String message) {
        String key = "message:" + message;
        if (meters.contains(key)) {
            return;
        }
        Tags t = Tags.of("message", message);
        counter("message", message, "jvppmux.requests", "requests written to VPP", t, s -> message(s, message).requests());
        counter("message", message, "jvppmux.replies", "replies and details received", t, s -> message(s, message).replies());
        for (FailureCause cause : FailureCause.values()) {
            counter("message", message, "jvppmux.request.failures", "failed requests, by cause", t.and("cause", lower(cause)),
                    s -> message(s, message).failures(cause));
        }
        meters.add("message", message, key, r -> FunctionTimer.builder("jvppmux.request.latency", mux,
                        m -> message(snapshot(), message).completed(),
                        m -> message(snapshot(), message).totalLatencyNanos(), TimeUnit.NANOSECONDS)
                .description("completed round trips and their total time").tags(tags).tags(t).register(r));
    }

    /** Per channel name ({@code mux.newApiChannel("interface-watcher")}), tagged {@code channel}. */
    private void addChannelMeters(String channel) {
        String key = "channel:" + channel;
        if (meters.contains(key)) {
            return;
        }
        Tags t = Tags.of("channel", channel);
        counter("channel", channel, "jvppmux.channel.requests", "requests written to VPP by the channels of a name", t,
                s -> channel(s, channel).requests());
        counter("channel", channel, "jvppmux.channel.replies", "replies and details received by the channels of a name",
                t, s -> channel(s, channel).replies());
        for (FailureCause cause : FailureCause.values()) {
            counter("channel", channel, "jvppmux.channel.failures", "failed requests of the channels of a name, by cause",
                    t.and("cause", lower(cause)), s -> channel(s, channel).failures(cause));
        }
        counter("channel", channel, "jvppmux.channel.drops", "replies dropped as stale, by channel name",
                t.and("reason", "stale"), s -> channel(s, channel).staleDrops());
        counter("channel", channel, "jvppmux.channel.drops", "events dropped, by channel name",
                t.and("reason", "event"), s -> channel(s, channel).eventDrops());
        meters.add("channel", channel, key, r -> Gauge.builder("jvppmux.channel.requests.in.flight", mux,
                        m -> channel(snapshot(), channel).inFlight())
                .description("requests sent and not yet ended, by channel name").tags(tags).tags(t).register(r));
        meters.add("channel", channel, key + ":open", r -> Gauge.builder("jvppmux.channel.open", mux,
                        m -> channel(snapshot(), channel).open())
                .description("channels of a name open now").tags(tags).tags(t).register(r));
    }

    private static ChannelMetrics channel(MetricsSnapshot s, String name) {
        ChannelMetrics c = s.channel(name);
        return c != null ? c : new ChannelMetrics(name, 0, 0, 0, 0, Map.of(), 0, 0);
    }

    private static MessageMetrics message(MetricsSnapshot s, String name) {
        MessageMetrics m = s.message(name);
        return m != null ? m : new MessageMetrics(name, 0, 0, 0, Map.of(), 0);
    }

    private void counter(String name, String description, Tags t, ToDoubleFunction<MetricsSnapshot> value) {
        counter("fixed", "", name, description, t, value);
    }

    private void counter(String kind, String group, String name, String description, Tags t,
                         ToDoubleFunction<MetricsSnapshot> value) {
        meters.add(kind, group, name + t, r -> FunctionCounter.builder(name, mux, m -> value.applyAsDouble(snapshot()))
                .description(description).tags(tags).tags(t).register(r));
    }

    private void gauge(String name, String description, String unit, Tags t, ToDoubleFunction<VppMux> value) {
        meters.add("fixed", "", name + t, r -> Gauge.builder(name, mux, value).description(description)
                .baseUnit(unit).tags(tags).tags(t).register(r));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
