package io.jvppmux.impl.transport.shm;

import io.jvppmux.api.VppTransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvppapiclient maps VPP's shared memory with {@code MAP_FIXED} at a fixed address: on x86-64 the svm root
 * region at {@code 0x130000000} plus a random 0..15 pages, 64 MiB long (docs/PROTOCOL.md 2.3, {@code svm.c}).
 * {@code MAP_FIXED} silently replaces whatever this process has there; a JVM with a large heap does (OpenJDK
 * 17 with {@code -Xmx28g} reserves {@code 0x118000000-0x7fe000000}: docs/PROTOCOL.md, "Verified on a live VPP"). So before
 * connecting, {@code /proc/self/maps} must show the range free.
 */
final class FixedRegion {
    private static final Logger LOG = LoggerFactory.getLogger(FixedRegion.class);

    /** First byte libvppapiclient may map on x86-64. */
    static final long START = 0x130000000L;
    /** One past the last: 64 MiB from the highest random start (15 pages of 4 KiB above {@link #START}). */
    static final long END = START + (64L << 20) + 15 * 4096L;

    private FixedRegion() {
    }

    /** The first line of {@code maps} (format of /proc/PID/maps) overlapping [START, END), if any. */
    static Optional<String> overlap(List<String> maps) {
        for (String line : maps) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            if (dash <= 0 || space <= dash) {
                continue;
            }
            long lo = Long.parseUnsignedLong(line.substring(0, dash), 16);
            long hi = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
            if (Long.compareUnsigned(lo, END) < 0 && Long.compareUnsigned(hi, START) > 0) {
                return Optional.of(line.trim());
            }
        }
        return Optional.empty();
    }

    /** @throws VppTransportException naming the overlapping mapping, when the range is not free */
    static void check(List<String> maps) {
        Optional<String> hit = overlap(maps);
        if (hit.isPresent()) {
            throw new VppTransportException(String.format("cannot use shared memory: libvppapiclient maps VPP's API "
                    + "segment at the fixed range 0x%x-0x%x, which this JVM already uses (%s); connecting would "
                    + "overwrite it and corrupt the JVM. Start the JVM with a smaller -Xmx (up to -Xmx20g leaves the "
                    + "range free with OpenJDK 17) or use the socket transport", START, END, hit.get()));
        }
    }

    /** This process's mappings, or none where the range is not x86-64's or /proc cannot be read. */
    static List<String> readSelfMaps() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            LOG.debug("fixed-range check skipped: the range is known for x86-64 only, this is {}", arch);
            return List.of();
        }
        try {
            return Files.readAllLines(Path.of("/proc/self/maps"));
        } catch (IOException e) {
            LOG.warn("cannot read /proc/self/maps ({}): libvppapiclient's fixed mapping range is not checked", e.toString());
            return List.of();
        }
    }
}
