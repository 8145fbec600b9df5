/**
 * Reading VPP's statistics segment: {@link io.jvppmux.api.stats.StatsClient} lists and dumps counters by
 * {@link io.jvppmux.api.stats.StatsPattern}, keeps {@link io.jvppmux.api.stats.StatsDirectory prepared
 * directories} that are refreshed cheaply, and offers typed views (system, nodes, interfaces, errors,
 * buffers, memory) shaped like GoVPP's.
 *
 * <p>Numbers: every counter, scalar and gauge is an <em>unsigned</em> 64-bit value held in a Java
 * {@code long}; print it with {@link java.lang.Long#toUnsignedString(long)} or {@link
 * io.jvppmux.api.stats.Unsigned}. Counter vectors keep VPP's {@code [thread][index]} dimensions; thread 0 is
 * VPP's main thread, 1.. its workers. Counters are not covered by VPP's epoch and may go backwards after
 * {@code clear interfaces} / {@code clear errors}.
 */
package io.jvppmux.api.stats;
