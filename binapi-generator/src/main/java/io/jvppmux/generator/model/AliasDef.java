package io.jvppmux.generator.model;

/**
 * An alias: {@code typedef u32 interface_index;} or {@code typedef u8 mac_address[6];}.
 *
 * @param name   the VPP name
 * @param type   the aliased type
 * @param length the array length, or -1 for a scalar alias
 */
public record AliasDef(String name, String type, int length) {
}
