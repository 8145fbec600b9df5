package io.jvppmux.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a whole bench: connects each driver (the C client with {@code --c-baseline}, raw with
 * {@code --baseline}, the mux, the mux with idle channels), warms each up in each mode, then runs the measured rounds interleaved: in every round each mode
 * runs every driver once, the order reversed every other round so that neither always goes first, and then
 * prints the report.
 */
final class BenchRunner {
    static final String RAW = "raw";
    static final String MUX = "mux";
    static final String MUX_IDLE = "mux+idle";
    static final String C = CDriver.NAME;

    private final BenchSettings s;
    private final PrintWriter out;
    private final PrintWriter err;

    BenchRunner(BenchSettings s, PrintWriter out, PrintWriter err) {
        this.s = s;
        this.out = out;
        this.err = err;
    }

    void run() throws InterruptedException {
        List<Driver> drivers = new ArrayList<>();
        try (BenchTarget target = BenchTarget.open(s); Progress progress = new Progress(err, s.progress())) {
            try {
                if (s.cBaseline() != null) {
                    drivers.add(CDriver.start(s, s.cBaseline(), target.config().socketPath(), target.config().shmPrefix()));
                }
                if (s.baseline()) {
                    drivers.add(new RawDriver(target.newTransport(), target.config(), s.window(), s.callerReads()));
                }
                drivers.add(new MuxDriver(MUX, target.newTransport(), target.config(), s, 0));
                if (s.idleChannels() > 0) {
                    drivers.add(new MuxDriver(MUX_IDLE, target.newTransport(), target.config(), s, s.idleChannels()));
                }
                Results results = measure(drivers, new RoundRunner(s.threads(), new AllocationMeter(), progress));
                ReportTable.print(out, s, target.describe(), drivers.stream().map(Driver::name).toList(), results);
            } finally {
                drivers.forEach(Driver::close);
            }
        }
    }

    private Results measure(List<Driver> drivers, RoundRunner runner) throws InterruptedException {
        for (int round = 1; round <= s.warmupRounds(); round++) {
            for (Mode m : s.modes()) {
                for (Driver d : drivers) {
                    String label = d.name() + " " + m.label() + " warm-up " + round + "/" + s.warmupRounds();
                    runner.run(d, m, s.requests(m), label);
                }
            }
        }
        Results results = new Results();
        for (int round = 1; round <= s.rounds(); round++) {
            for (Mode m : s.modes()) {
                List<Driver> order = new ArrayList<>(drivers);
                if (round % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (Driver d : order) {
                    String label = d.name() + " " + m.label() + " round " + round + "/" + s.rounds();
                    results.add(d.name(), m, runner.run(d, m, s.requests(m), label));
                }
            }
        }
        return results;
    }
}
