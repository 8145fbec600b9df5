package io.jvppmux.api.stats;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A name vector such as {@code /if/names}, indexed by object index (sw_if_index, node index). Null slots
 * stay in place as {@code null}, so positions are never shifted. Deleted interfaces read {@code "deleted"}.
 *
 * @param names the names by index; unmodifiable, may contain nulls
 */
public record NameVector(List<String> names) implements StatValue {
    /** Wraps a copy of {@code names} (nulls kept). */
    public static NameVector of(String... names) {
        return new NameVector(Collections.unmodifiableList(Arrays.asList(names.clone())));
    }

    /** The name at {@code index}, or null when the slot is null or past the end. */
    public String get(int index) {
        return index >= 0 && index < names.size() ? names.get(index) : null;
    }

    /** Number of slots. */
    public int size() {
        return names.size();
    }
}
