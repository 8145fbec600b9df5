package io.jvppmux.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/** Every measured round, by driver and mode, in the order they ran. */
final class Results {
    private final Map<String, List<RoundResult>> rounds = new LinkedHashMap<>();

    void add(String driver, Mode mode, RoundResult r) {
        rounds.computeIfAbsent(key(driver, mode), k -> new ArrayList<>()).add(r);
    }

    List<RoundResult> of(String driver, Mode mode) {
        return rounds.getOrDefault(key(driver, mode), List.of());
    }

    /** The median requests/s over the rounds. */
    double medianRate(String driver, Mode mode) {
        return median(of(driver, mode).stream().mapToDouble(RoundResult::perSecond).toArray()).orElse(Double.NaN);
    }

    /** Every round's round trips together. */
    Histogram latency(String driver, Mode mode) {
        Histogram h = LatencyRecorder.empty();
        of(driver, mode).forEach(r -> h.add(r.latency()));
        return h;
    }

    /** Median over the rounds of allocation per request, -1 when unknown. */
    double medianBytes(String driver, Mode mode, boolean clientSide) {
        double[] v = of(driver, mode).stream()
                .mapToDouble(r -> (double) (clientSide ? r.clientBytes() : r.callerBytes()) / r.requests()).toArray();
        return Arrays.stream(v).anyMatch(x -> x < 0) ? -1 : median(v).orElse(-1);
    }

    /** Median over the rounds of the process's CPU microseconds per request, -1 when unknown. */
    double medianCpu(String driver, Mode mode) {
        double[] v = of(driver, mode).stream().mapToDouble(RoundResult::cpuMicrosPerRequest).toArray();
        return Arrays.stream(v).anyMatch(x -> x < 0) ? -1 : median(v).orElse(-1);
    }

    /**
     * The median over rounds of {@code a}'s rate divided by {@code b}'s in the same round: the two ran one
     * after the other, so drift of the machine cancels. NaN when either did not run.
     */
    double ratio(String a, String b, Mode mode) {
        List<RoundResult> x = of(a, mode);
        List<RoundResult> y = of(b, mode);
        int n = Math.min(x.size(), y.size());
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = x.get(i).perSecond() / y.get(i).perSecond();
        }
        return median(r).orElse(Double.NaN);
    }

    static OptionalDouble median(double[] values) {
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return OptionalDouble.of(v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2);
    }

    private static String key(String driver, Mode mode) {
        return driver + '/' + mode;
    }
}
