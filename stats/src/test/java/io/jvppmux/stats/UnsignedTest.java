package io.jvppmux.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.stats.PerThread;
import io.jvppmux.api.stats.SimpleCounters;
import io.jvppmux.api.stats.Unsigned;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Unsigned 64-bit values are never shown negative. */
class UnsignedTest {
    @Test
    void valuesAbove2To63() {
        long max = -1L;
        assertThat(Unsigned.toString(max)).isEqualTo("18446744073709551615");
        assertThat(Unsigned.toBigInteger(max)).isEqualTo(BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
        assertThat(Unsigned.toDouble(max)).isEqualTo(1.8446744073709552E19);
        assertThat(Unsigned.toDouble(Long.MIN_VALUE)).isEqualTo(9.223372036854775808E18);
        assertThat(Unsigned.toDouble(12345)).isEqualTo(12345.0);
        assertThat(new PerThread(new long[] {Long.MIN_VALUE, 1})).hasToString("9223372036854775809");
        assertThat(new SimpleCounters(new long[][] {{-2L}})).hasToString("[[18446744073709551614]]");
        assertThat(Unsigned.sum(new long[] {-1L, 2})).as("wraps modulo 2^64 as VPP's sums").isEqualTo(1);
    }
}
