/**
 * mock-vpp's stats face: a statistics segment with VPP's real layout (docs/PROTOCOL.md section 8), written into
 * a memory-mapped file by a writer that changes counters and the directory while readers read, with
 * VPP's epoch / {@code in_progress} protocol, heartbeat, slot reuse, symlinks, and faults (a writer stuck
 * {@code in_progress}, a restart with a new segment). Optionally served over a stats socket with
 * {@code SCM_RIGHTS} when jvpp-shim's native stats helper is on the class path and loadable.
 */
package io.jvppmux.mock.stats;
