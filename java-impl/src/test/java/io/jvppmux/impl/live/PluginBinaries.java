package io.jvppmux.impl.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The plugin libraries of a VPP folder ({@code lib/vpp_plugins/*.so}), searchable for the strings they hold. */
final class PluginBinaries {
    private final Map<String, String> contents = new LinkedHashMap<>();

    /** Reads every {@code .so} in {@code dir} (about 15 MB for a VPP without DPDK). */
    PluginBinaries(Path dir) {
        try (Stream<Path> all = Files.list(dir)) {
            for (Path p : all.filter(f -> f.toString().endsWith(".so")).sorted().toList()) {
                contents.put(p.getFileName().toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read VPP's plugins in " + dir, e);
        }
    }

    /** The file names of the plugins that hold {@code text}, e.g. a message's {@code name_crc}. */
    List<String> containing(String text) {
        List<String> out = new ArrayList<>();
        contents.forEach((file, bytes) -> {
            if (bytes.contains(text)) {
                out.add(file);
            }
        });
        return out;
    }
}
