package io.jvppmux.shim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds libvppapiclient: the configured path first, then the usual names: {@code libvppapiclient.so}
 * through the dynamic loader's own search (LD_LIBRARY_PATH, ld.so.cache), then every
 * {@code libvppapiclient.so.<version>} in the usual directories, newest first (VPP's runtime package
 * ships only the versioned name). The first candidate that opens and has every {@code vac_*} symbol wins.
 */
final class VacLocator {
    /** System property: an explicit path of libvppapiclient.so, tried first. */
    static final String PATH_PROPERTY = "jvppmux.vppapiclient.library";
    /** System property: the directories searched for versioned names, separated by ':'. */
    static final String DIRS_PROPERTY = "jvppmux.vppapiclient.searchPath";
    static final String DEFAULT_DIRS =
            "/usr/lib/x86_64-linux-gnu:/usr/lib64:/usr/lib:/usr/local/lib64:/usr/local/lib:/usr/lib/aarch64-linux-gnu";
    static final String NAME = "libvppapiclient.so";

    /** The outcome: the path that loaded (null if none) and every attempt, one line each. */
    record Result(String loaded, List<String> attempts) {
        String describe() {
            return (loaded != null ? "libvppapiclient loaded from " + loaded : "libvppapiclient could not be loaded")
                    + "; tried: " + String.join("; ", attempts);
        }
    }

    private VacLocator() {
    }

    /** Every candidate in order, from {@code configured} (may be null) and the search directories. */
    static List<String> candidates(String configured, String dirs) {
        List<String> out = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            out.add(configured);
        }
        out.add(NAME);
        for (String d : dirs.split(":")) {
            if (!d.isBlank()) {
                out.addAll(versioned(Path.of(d)));
            }
        }
        return out;
    }

    private static List<String> versioned(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(Path::toString).filter(p -> Path.of(p).getFileName().toString().startsWith(NAME + "."))
                    .sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Tries each candidate with {@code open} (null on success, else the reason) until one loads.
     */
    static Result locate(String configured, String dirs, Function<String, String> open) {
        List<String> attempts = new ArrayList<>();
        if (configured == null || configured.isBlank()) {
            attempts.add(PATH_PROPERTY + " not set");
        }
        List<String> candidates = candidates(configured, dirs);
        for (String c : candidates) {
            String why = open.apply(c);
            if (why == null) {
                attempts.add(c + ": loaded");
                return new Result(c, attempts);
            }
            attempts.add(c + ": " + NativeLoader.oneLine(why));
        }
        if (candidates.stream().noneMatch(c -> c.contains(NAME + "."))) {
            attempts.add("no " + NAME + ".<version> in " + dirs);
        }
        return new Result(null, attempts);
    }
}
