package io.jvppmux.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The progress line: printed about once a second on a phase that lasts, never on a short one. */
@Timeout(20)
class ProgressTest {
    @Test
    void aPhaseOfMoreThanASecondGetsLines() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(err, true), true)) {
            Progress.Counter c = p.start("mux sync round 1/1", 1_000);
            c.add(500);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (err.toString().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            p.stop();
        }
        assertThat(err.toString().lines().findFirst().orElseThrow())
                .matches("bench: mux sync round 1/1: 500 of 1,000 requests, [\\d,]+ req/s");
    }

    @Test
    void disabledPrintsNothing() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(err, true), false)) {
            p.start("x", 10).add(10);
            Thread.sleep(1_200);
        }
        assertThat(err.toString()).isEmpty();
    }
}
