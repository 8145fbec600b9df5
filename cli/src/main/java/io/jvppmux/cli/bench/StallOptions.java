package io.jvppmux.cli.bench;

import java.util.function.Function;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options {@code bench --stalled-channel} adds ({@link StalledChannelBench}). */
final class StallOptions {
    @Option(names = "--round-ms", paramLabel = "MS", defaultValue = "500",
            description = "with --stalled-channel: how long the workers run in each round (default: ${DEFAULT-VALUE})")
    long roundMillis;

    @Option(names = "--stall-rate", paramLabel = "N", defaultValue = "1000",
            description = "with --stalled-channel: control_pings per second the stalled channel sends, 0 for as fast "
                    + "as its request buffer allows (default: ${DEFAULT-VALUE})")
    int stallRate;

    @Option(names = "--stall-buffers", paramLabel = "N", defaultValue = "100",
            description = "with --stalled-channel: the stalled (and reading) channel's request and reply buffer sizes, "
                    + "i.e. how many of its requests can wait in VPP at once (default: ${DEFAULT-VALUE}, a "
                    + "newApiChannel's)")
    int stallBuffers;

    @Option(names = "--reading-control",
            description = "with --stalled-channel: also interleave rounds in which the extra channel sends the same way "
                    + "but reads every reply, and print 'load' (reading/clean) and 'stall' (stalled/reading) ratios: "
                    + "the cost of its traffic apart from the cost of its not reading")
    boolean readingControl;

    /** The settings, checked; {@code bad} makes the exception that names a bad value. */
    StallSettings settings(Function<String, ParameterException> bad) {
        if (roundMillis < 1) {
            throw bad.apply("--round-ms must be at least 1: " + roundMillis);
        }
        if (stallRate < 0 || stallRate > 1_000_000) {
            throw bad.apply("--stall-rate must be in 0..1000000: " + stallRate);
        }
        if (stallBuffers < 1 || stallBuffers > 32_767) {
            throw bad.apply("--stall-buffers must be in 1..32767: " + stallBuffers);
        }
        return new StallSettings(roundMillis, stallRate, readingControl, stallBuffers);
    }
}
