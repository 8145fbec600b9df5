package io.jvppmux.generator.model;

import java.util.List;

/**
 * An enum or enumflag.
 *
 * @param name     the VPP name
 * @param baseType the wire type: u8, u16, u32 (i8, i16, i32 accepted)
 * @param entries  the entries in declaration order
 * @param flags    declared as {@code enumflag} in the JSON
 */
public record EnumDef(String name, String baseType, List<Entry> entries, boolean flags) {
    /** One entry: its VPP identifier and value. */
    public record Entry(String id, long value) {
    }

    /** Python's repr of the first {@code n} entries: vppapigen's CRC input for an enum. */
    public String crcRepr(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            sb.append(i == 0 ? "" : ", ").append("['").append(e.id()).append("', ").append(e.value()).append(']');
        }
        return sb.append(']').toString();
    }
}
