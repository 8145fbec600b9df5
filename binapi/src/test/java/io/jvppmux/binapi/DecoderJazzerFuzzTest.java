package io.jvppmux.binapi;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The decoders under Jazzer, coverage-guided: Jazzer's input picks a message and one of its valid encodings,
 * then overwrites bytes, 2- and 4-byte windows at chosen offsets, truncates and appends; the
 * {@link DecodeOracle} judges. It runs only with {@code JAZZER_FUZZ=1} ({@code ci/fuzz.sh}), fuzzing for
 * {@code maxDuration}: Jazzer's agent instruments every class loaded, which costs a minute even without fuzzing,
 * so normal builds leave it to the seeded {@link DecoderFuzzTest}.
 */
@EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = ".+", disabledReason = "coverage-guided fuzzing runs in ci/fuzz.sh")
class DecoderJazzerFuzzTest {
    private static List<ValidEncodings.Seed> seeds;
    private static final DecodeOracle ORACLE = new DecodeOracle();

    @BeforeAll
    static void encodeEveryMessage() {
        seeds = ValidEncodings.all(13, 2);
    }

    @FuzzTest(maxDuration = "2m")
    void decodersTakeAnyEditOfAValidEncoding(FuzzedDataProvider data) {
        ValidEncodings.Seed s = seeds.get(data.consumeInt(0, seeds.size() - 1));
        byte[] b = s.encodings().get(data.consumeInt(0, s.encodings().size() - 1)).clone();
        int edits = data.consumeInt(0, 6);
        for (int i = 0; i < edits && b.length > 0; i++) {
            int width = 1 << data.consumeInt(0, 2);
            int at = data.consumeInt(0, Math.max(0, b.length - width));
            int v = data.consumeInt();
            for (int k = 0; k < width && at + k < b.length; k++) {
                b[at + k] = (byte) (v >>> (8 * (width - 1 - k)));
            }
        }
        if (data.consumeBoolean()) {
            b = Arrays.copyOf(b, data.consumeInt(0, b.length));
        }
        byte[] tail = data.consumeRemainingAsBytes();
        byte[] input = Arrays.copyOf(b, b.length + tail.length);
        System.arraycopy(tail, 0, input, b.length, tail.length);
        ORACLE.check(s.descriptor(), input);
    }
}
