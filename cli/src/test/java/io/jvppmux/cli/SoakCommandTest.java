package io.jvppmux.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code soak} against the embedded mock-vpp: its one closing line, and its refusals. */
@Timeout(60)
class SoakCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aShortSoakEndsWithOneLineAndNothingLost() {
        int status = run("soak", "--minutes", "0.1", "--sample-seconds", "1", "--callers", "2");
        String line = out.toString().strip();
        assertThat(line.lines()).hasSize(1);
        assertThat(status).as(line + err).isZero();
        assertThat(line).startsWith("SOAK minutes=0.1 requests=").contains(" lost=0 ", " unexpected=0 ", " hung=0 ",
                        " failures={} ", " end inflight=0 channels=0 ", " drift heap=", " threads=+0 ")
                .endsWith("result=PASS");
        long requests = Long.parseLong(line.replaceAll(".* requests=(\\d+) .*", "$1"));
        long replies = Long.parseLong(line.replaceAll(".* replies=(\\d+) .*", "$1"));
        long events = Long.parseLong(line.replaceAll(".* events=(\\d+) .*", "$1"));
        assertThat(requests).isPositive().isEqualTo(replies);
        assertThat(events).as("interface events received").isPositive();
    }

    @Test
    void badDurationsAreRefusedNamingThem() {
        assertThat(run("soak", "--minutes", "0")).isEqualTo(1);
        assertThat(err.toString()).contains("--minutes").contains("must be positive");
    }
}
