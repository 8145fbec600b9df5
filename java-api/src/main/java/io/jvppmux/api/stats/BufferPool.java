package io.jvppmux.api.stats;

/**
 * One buffer pool's gauges {@code /buffer-pools/<pool>/{cached,used,available}}.
 *
 * @param name      the pool's name, e.g. {@code default-numa-0}
 * @param cached    buffers in per-thread caches
 * @param used      buffers in use
 * @param available free buffers
 */
public record BufferPool(String name, long cached, long used, long available) {
}
