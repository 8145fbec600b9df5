package io.jvppmux.generator.model;

import java.util.Map;

/**
 * One field of a message, type or union, as {@code .api.json} writes it (docs/PROTOCOL.md 5.1):
 * {@code [type, name]}, {@code [type, name, {options}]}, {@code [type, name, N]} (fixed array or
 * string, N > 0; or a variable string when N is 0) and {@code [type, name, 0, "lenfield"]}.
 *
 * @param type        the VPP type, e.g. {@code u32} or {@code vl_api_address_t}
 * @param name        the field name
 * @param length      -1 for a scalar, N for a fixed array, 0 for a variable-length one
 * @param lengthField the field holding the element count of a counted array, else null
 * @param options     field options ({@code default}, {@code case}, ...), never null
 */
public record FieldDef(String type, String name, int length, String lengthField, Map<String, Object> options) {
    /** Whether the field is a scalar (no array, no string length). */
    public boolean isScalar() {
        return length < 0;
    }

    /** Whether the field is variable-length: a counted array or a variable string. */
    public boolean isVariable() {
        return length == 0;
    }

    /** The field as Python's {@code repr} writes it in vppapigen's CRC input (docs/PROTOCOL.md 5.3). */
    public String crcRepr() {
        if (isScalar()) {
            return "['" + type + "', '" + name + "']";
        }
        return "['" + type + "', '" + name + "', " + length + ", "
                + (lengthField == null ? "None" : "'" + lengthField + "'") + "]";
    }
}
