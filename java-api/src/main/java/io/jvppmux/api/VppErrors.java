package io.jvppmux.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VPP's retval table ({@code VNET_API_ERROR_*}), read from {@code errors.json}, a copy of VPP 26.06's
 * table bundled in this jar. The file is a flat array of {@code {"retval", "name", "message"}}
 * objects; it is read with a strict pattern rather than a JSON library so that java-api stays
 * dependency-free, and the count of entries read is checked against the count of objects.
 */
public final class VppErrors {
    /** One entry of the table. */
    public record Entry(int retval, String name, String message) {
    }

    private static final Pattern ENTRY = Pattern.compile(
            "\\{\\s*\"retval\"\\s*:\\s*(-?\\d+)\\s*,\\s*\"name\"\\s*:\\s*\"([^\"]*)\"\\s*,"
                    + "\\s*\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*}");
    private static final Map<Integer, Entry> TABLE = load();

    private VppErrors() {
    }

    /** The entry for {@code retval}; an entry named {@code UNKNOWN} when VPP 26.06 has none. */
    public static Entry lookup(int retval) {
        Entry e = TABLE.get(retval);
        return e != null ? e : new Entry(retval, "UNKNOWN", "unknown VPP error " + retval);
    }

    /** The whole table, by retval. */
    public static Map<Integer, Entry> table() {
        return TABLE;
    }

    private static Map<Integer, Entry> load() {
        try (InputStream in = VppErrors.class.getResourceAsStream("errors.json")) {
            if (in == null) {
                throw new IllegalStateException("io/jvppmux/api/errors.json is missing from the classpath");
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<Integer, Entry> table = new TreeMap<>();
            Matcher m = ENTRY.matcher(json);
            while (m.find()) {
                int retval = Integer.parseInt(m.group(1));
                table.put(retval, new Entry(retval, m.group(2), m.group(3).replaceAll("\\\\(.)", "$1")));
            }
            long objects = json.chars().filter(c -> c == '{').count();
            if (table.size() != objects) {
                throw new IllegalStateException("errors.json: read " + table.size() + " entries of " + objects);
            }
            return Collections.unmodifiableMap(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read errors.json", e);
        }
    }
}
