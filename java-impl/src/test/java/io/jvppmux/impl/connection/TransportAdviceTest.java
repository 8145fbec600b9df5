package io.jvppmux.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.TransportKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The once-only advice to use the socket when shm round trips stay slow. */
@Timeout(10)
class TransportAdviceTest {
    private static final long SLOW = 3_600_000;
    private static final long FAST = 30_000;

    @Test
    void slowShmWithASocketAvailableIsAdvisedOnceAfterEnoughProbes(@TempDir Path dir) throws Exception {
        Path socket = Files.createFile(dir.resolve("api.sock"));
        TransportAdvice advice = new TransportAdvice(MuxConfig.builder().transport(TransportKind.SHM).socketPath(socket).build(), true);
        for (int i = 1; i < TransportAdvice.SAMPLES; i++) {
            assertThat(advice.roundTrip(SLOW)).isFalse();
        }
        assertThat(advice.roundTrip(SLOW)).as("the tenth slow probe").isTrue();
        for (int i = 0; i < 3 * TransportAdvice.SAMPLES; i++) {
            assertThat(advice.roundTrip(SLOW)).as("only once").isFalse();
        }
    }

    @Test
    void noAdviceForFastShmNoSocketOrWhenShmFellBackToTheSocket(@TempDir Path dir) throws Exception {
        Path socket = Files.createFile(dir.resolve("api.sock"));
        TransportAdvice fast = new TransportAdvice(MuxConfig.builder().transport(TransportKind.SHM).socketPath(socket).build(), true);
        TransportAdvice noSocket = new TransportAdvice(MuxConfig.builder().transport(TransportKind.SHM)
                .socketPath(dir.resolve("missing.sock")).build(), true);
        TransportAdvice overSocket = new TransportAdvice(MuxConfig.builder().transport(TransportKind.SHM).socketPath(socket)
                .build(), false);
        for (int i = 0; i < 2 * TransportAdvice.SAMPLES; i++) {
            assertThat(fast.roundTrip(FAST)).isFalse();
            assertThat(noSocket.roundTrip(SLOW)).isFalse();
            assertThat(overSocket.roundTrip(SLOW)).isFalse();
        }
    }
}
