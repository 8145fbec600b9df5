package io.jvppmux.binapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every generated decoder fed mutated bytes of valid messages (the {@link DecodeOracle}'s rules: only
 * {@code MessageDecodeException}, allocation bounded by the bytes). Seeded and reproducible: a failure names
 * the message and the input in hex. {@code -Djvppmux.fuzz.seed} and {@code -Djvppmux.fuzz.mutants} (per
 * valid encoding) make longer runs ({@code ci/fuzz.sh}).
 */
@Timeout(600)
class DecoderFuzzTest {
    private static final long SEED = Long.getLong("jvppmux.fuzz.seed", 13);
    private static final int MUTANTS = Integer.getInteger("jvppmux.fuzz.mutants", 80);
    private static final int ENCODINGS = 1;

    private static List<ValidEncodings.Seed> seeds;

    @BeforeAll
    static void encodeEveryMessage() {
        seeds = ValidEncodings.all(SEED, ENCODINGS);
    }

    @Test
    void everyDecoderSurvivesSeededMutantsOfItsValidEncodings() {
        DecodeOracle oracle = new DecodeOracle();
        Mutator mutator = new Mutator(SEED);
        long inputs = 0;
        long refused = 0;
        for (ValidEncodings.Seed s : seeds) {
            for (byte[] valid : s.encodings()) {
                for (int i = 0; i < MUTANTS; i++) {
                    refused += outcome(oracle.check(s.descriptor(), mutator.mutate(valid)));
                    inputs++;
                }
            }
        }
        report("mutants", inputs, refused, oracle);
        assertThat(inputs).isEqualTo(2093L * ENCODINGS * MUTANTS);
        assertThat(refused).as("mutants refused").isPositive().isLessThan(inputs);
    }

    /** A lying count, length or discriminator at every offset: each 1-, 2- and 4-byte window set to its largest value. */
    @Test
    void everyDecoderRefusesAHugeValueAtEveryOffsetWithoutAllocatingForIt() {
        DecodeOracle oracle = new DecodeOracle();
        long inputs = 0;
        long refused = 0;
        for (ValidEncodings.Seed s : seeds) {
            byte[] valid = s.encodings().get(0);
            for (int width : new int[] {1, 2, 4}) {
                for (int at = 0; at + width <= valid.length; at++) {
                    long lie = (1L << (8 * width)) - 1;
                    refused += outcome(oracle.check(s.descriptor(), overwrite(valid, at, width, lie)));
                    inputs++;
                }
            }
        }
        report("lies", inputs, refused, oracle);
        assertThat(inputs).isGreaterThan(50_000);
        assertThat(refused).as("huge counts refused").isPositive();
    }

    @Test
    void aLyingCountIsRefusedWithAMessageNamingTheField() {
        io.jvppmux.binapi.memclnt.SockclntCreateReply m = new io.jvppmux.binapi.memclnt.SockclntCreateReply();
        byte[] valid = ValidEncodings.encode(m);
        byte[] lying = overwrite(valid, valid.length - 2, 2, 0xffff);
        MessageDescriptor<? extends Message> d = m.descriptor();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.newInstance().decode(java.nio.ByteBuffer.wrap(lying)))
                .isInstanceOf(io.jvppmux.api.MessageDecodeException.class)
                .hasMessageContaining("sockclnt_create_reply").hasMessageContaining("message_table")
                .hasMessageContaining("65535");
        assertThat(new DecodeOracle().check(d, lying)).isEqualTo(DecodeOracle.Outcome.REFUSED);
    }

    private static byte[] overwrite(byte[] valid, int at, int width, long v) {
        byte[] b = valid.clone();
        for (int i = width - 1; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    private static int outcome(DecodeOracle.Outcome o) {
        return o == DecodeOracle.Outcome.REFUSED ? 1 : 0;
    }

    private static void report(String what, long inputs, long refused, DecodeOracle oracle) {
        System.out.printf("FUZZ-FIGURE decoders %s seed=%d inputs=%d refused=%d decoded=%d largest-allocation=%dB"
                        + " largest-ratio=%.1f%n", what, SEED, inputs, refused, inputs - refused,
                oracle.largestAllocation(), oracle.largestRatio());
    }
}
