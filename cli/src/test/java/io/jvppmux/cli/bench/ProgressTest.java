package io.jvppmux.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The progress line: printed about once a second on a phase that lasts; nothing at all when disabled. */
@Timeout(20)
class ProgressTest {
    /** A writer that counts down once the first line is complete. */
    private static final class LineWriter extends StringWriter {
        final CountDownLatch firstLine = new CountDownLatch(1);

        @Override
        public void write(String s, int off, int len) {
            super.write(s, off, len);
            if (toString().contains("\n")) {
                firstLine.countDown();
            }
        }
    }

    @Test
    void aPhaseOfMoreThanASecondGetsLines() throws InterruptedException {
        LineWriter err = new LineWriter();
        try (Progress p = new Progress(new PrintWriter(err, true), true)) {
            Progress.Counter c = p.start("mux sync round 1/1", 1_000);
            c.add(500);
            assertThat(err.firstLine.await(10, TimeUnit.SECONDS)).as("a progress line within 10 s").isTrue();
            p.stop();
        }
        assertThat(err.toString().lines().findFirst().orElseThrow())
                .matches("bench: mux sync round 1/1: 500 of 1,000 requests, [\\d,]+ req/s");
    }

    @Test
    void disabledStartsNoThreadAndPrintsNothing() {
        StringWriter err = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(err, true), false)) {
            p.start("x", 10).add(10);
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().equals("jvppmux-bench-progress"));
        }
        assertThat(err.toString()).isEmpty();
    }
}
