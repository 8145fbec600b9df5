package io.jvppmux.cli.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The report: what ran, one row per driver and mode (median requests/s over the rounds and their range,
 * sync round-trip percentiles over every round, allocation per request, the process's CPU time per request,
 * which other load on the machine disturbs far less than the rates), then, with idle channels, their
 * cost, with a baseline the line {@code ratio async=X.XX sync=Y.YY} (mux / raw, median of the per-round
 * ratios), and with the C baseline the last line {@code ratio-to-c async=X.XX sync=Y.YY} (the mux's median
 * requests/s over the C client's). The C client reports no latencies, allocation or CPU: "-" and "n/a".
 */
final class ReportTable {
    private static final String ROW = "%-9s %-5s %10s %21s %8s %8s %8s %12s %12s %11s%n";

    private ReportTable() {
    }

    static void print(PrintWriter out, BenchSettings s, String target, List<String> drivers, Results r) {
        out.printf(Locale.ROOT, "jvppmux perf-bench: control_ping over %s%n", target);
        out.printf(Locale.ROOT, "  %d round(s) of %,d sync and %,d async requests per driver after %d warm-up round(s);"
                        + " %d caller thread(s), %d channel(s) (+%d idle), async window %d per thread (%s),"
                        + " dispatcher wait %s, caller reads %s%n",
                s.rounds(), s.requests(), s.asyncRequests(), s.warmupRounds(), s.threads(), s.channels(), s.idleChannels(), s.window(),
                s.asyncApi() == AsyncApi.CONTEXT ? "sendRequest/receiveReply" : "callAsync futures",
                s.waitStrategy().label(), s.callerReads() ? "on" : "off");
        if (s.perRound()) {
            perRound(out, s, drivers, r);
        }
        out.printf(Locale.ROOT, ROW, "run", "mode", "req/s", "min..max req/s", "p50 us", "p99 us", "p999 us",
                "caller B/req", "client B/req", "cpu us/req");
        for (Mode m : s.modes()) {
            for (String d : drivers) {
                row(out, d, m, r);
            }
        }
        if (s.idleChannels() > 0) {
            out.printf(Locale.ROOT, "idle-channels %d: %s/%s async=%s sync=%s%n", s.idleChannels(), BenchRunner.MUX_IDLE,
                    BenchRunner.MUX, two(r.ratio(BenchRunner.MUX_IDLE, BenchRunner.MUX, Mode.ASYNC)),
                    two(r.ratio(BenchRunner.MUX_IDLE, BenchRunner.MUX, Mode.SYNC)));
        }
        if (s.baseline()) {
            out.printf(Locale.ROOT, "ratio async=%s sync=%s%n", two(r.ratio(BenchRunner.MUX, BenchRunner.RAW, Mode.ASYNC)),
                    two(r.ratio(BenchRunner.MUX, BenchRunner.RAW, Mode.SYNC)));
        }
        if (s.cBaseline() != null) {
            out.printf(Locale.ROOT, "ratio-to-c async=%s sync=%s%n", two(toC(r, Mode.ASYNC)), two(toC(r, Mode.SYNC)));
        }
        out.flush();
    }

    /** The mux's median requests/s over the C client's. */
    static double toC(Results r, Mode m) {
        return r.medianRate(BenchRunner.MUX, m) / r.medianRate(BenchRunner.C, m);
    }

    private static void perRound(PrintWriter out, BenchSettings s, List<String> drivers, Results r) {
        for (Mode m : s.modes()) {
            for (int i = 0; i < s.rounds(); i++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d %-5s", i + 1, m.label()));
                for (String d : drivers) {
                    List<RoundResult> rounds = r.of(d, m);
                    if (i < rounds.size()) {
                        line.append(String.format(Locale.ROOT, "  %s %,.0f", d, rounds.get(i).perSecond()));
                    }
                }
                out.println(line);
            }
        }
    }

    private static void row(PrintWriter out, String driver, Mode m, Results r) {
        List<RoundResult> rounds = r.of(driver, m);
        double min = rounds.stream().mapToDouble(RoundResult::perSecond).min().orElse(Double.NaN);
        double max = rounds.stream().mapToDouble(RoundResult::perSecond).max().orElse(Double.NaN);
        String p50 = "-";
        String p99 = "-";
        String p999 = "-";
        Histogram h = r.latency(driver, m);
        if (m == Mode.SYNC && h.getTotalCount() > 0) {
            p50 = micros(h.getValueAtPercentile(50));
            p99 = micros(h.getValueAtPercentile(99));
            p999 = micros(h.getValueAtPercentile(99.9));
        }
        out.printf(Locale.ROOT, ROW, driver, m.label(), String.format(Locale.ROOT, "%,.0f", r.medianRate(driver, m)),
                String.format(Locale.ROOT, "%,.0f..%,.0f", min, max), p50, p99, p999,
                bytes(r.medianBytes(driver, m, false)), bytes(r.medianBytes(driver, m, true)), cpu(r.medianCpu(driver, m)));
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e3);
    }

    private static String bytes(double b) {
        return b < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", b);
    }

    private static String cpu(double micros) {
        return micros < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", micros);
    }

    /** Two decimals, or {@code n/a} for a mode that did not run. */
    static String two(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }
}
