package io.jvppmux.stats;

/**
 * VPP's stats segment layout, version 2 (docs/PROTOCOL.md section 8). Offsets in bytes.
 *
 * <pre>
 * header @0:  u64 version | ptr base | u64 epoch | u64 in_progress | ptr directory_vector | (legacy: ptr error_vector)
 *              0            8          16          24                32                     40
 * vector:     ... | u32 len | u8 hdr_size, log2_align, grow_elts, pad | data ...
 *                   data-8    data-4
 * entry(144): u32 type | pad | u64 value / ptr / (u32 index1, u32 index2) | char name[128]
 *              0               8                                           16
 * </pre>
 *
 * <p>keep in sync with VPP vlib/stats/shared.h and mock-vpp io.jvppmux.mock.stats.SegmentWriter
 */
final class Layout {
    static final long VERSION_2 = 2;
    static final int VERSION = 0;
    static final int BASE = 8;
    static final int EPOCH = 16;
    static final int IN_PROGRESS = 24;
    static final int DIRECTORY = 32;
    static final int LEGACY_ERROR_VECTOR = 40;
    static final int HEADER_SIZE = 48;
    static final int VEC_LEN = -8;
    static final int ENTRY = 144;
    static final int ENTRY_TYPE = 0;
    static final int ENTRY_VALUE = 8;
    static final int ENTRY_NAME = 16;
    static final int NAME_BYTES = 128;
    static final int COMBINED_ELT = 16;
    static final int RING_CONFIG = 28;
    static final int RING_METADATA = 64;
    /** Sanity caps on lengths read from shared memory. */
    static final int MAX_THREADS = 1024;
    static final int MAX_NAME_STRING = 4096;
    static final int MAX_RING_BYTES = 64 << 20;

    private Layout() {
    }
}
