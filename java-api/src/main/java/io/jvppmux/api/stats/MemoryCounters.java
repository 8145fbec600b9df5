package io.jvppmux.api.stats;

/**
 * One heap's usage from {@code /mem/<heap>}, a simple vector stored as {@code [0][metric]}.
 *
 * @param heap        the heap's name, e.g. {@code main heap} or {@code stat segment}
 * @param total       metric 0: bytes in the heap
 * @param used        metric 1: bytes allocated
 * @param free        metric 2: bytes free
 * @param usedMmap    metric 3: bytes allocated with mmap
 * @param totalAlloc  metric 4: bytes ever obtained from the system
 * @param freeChunks  metric 5: number of free chunks
 * @param releasable  metric 6: bytes that could be returned to the system
 */
public record MemoryCounters(String heap, long total, long used, long free, long usedMmap, long totalAlloc,
                             long freeChunks, long releasable) {
}
