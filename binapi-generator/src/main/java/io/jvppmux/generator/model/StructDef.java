package io.jvppmux.generator.model;

import java.util.List;
import java.util.Map;

/**
 * A message, typedef'd type or union: a name and its fields in wire order.
 *
 * @param name    the VPP name without {@code vl_api_} / {@code _t}
 * @param fields  every field, including a message's {@code _vl_msg_id} and header fields
 * @param crc     a message's CRC from the JSON (8 hex digits, no 0x), null for types and unions
 * @param options a message's options ({@code deprecated}, {@code status}, ...), never null
 * @param comment the comment from the JSON, or null
 */
public record StructDef(String name, List<FieldDef> fields, String crc, Map<String, Object> options, String comment) {
    /** Whether the message is marked deprecated. */
    public boolean deprecated() {
        return options.containsKey("deprecated");
    }

    /** Whether the message is marked in progress ({@code in_progress} or {@code status: in_progress}). */
    public boolean inProgress() {
        return options.containsKey("in_progress") || "in_progress".equals(options.get("status"));
    }
}
