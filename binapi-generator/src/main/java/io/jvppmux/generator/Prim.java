package io.jvppmux.generator;

import com.palantir.javapoet.TypeName;

/**
 * A VPP scalar type: its Java type, wire size, and the expressions that read it from and write it to a
 * big-endian {@code ByteBuffer b} (f64 is little-endian on the wire, docs/PROTOCOL.md 1.2).
 */
enum Prim {
    U8(TypeName.INT, 1, "Byte.toUnsignedInt(b.get())", "b.put((byte) $L)", 0xffL),
    I8(TypeName.BYTE, 1, "b.get()", "b.put((byte) $L)", -1),
    U16(TypeName.INT, 2, "Short.toUnsignedInt(b.getShort())", "b.putShort((short) $L)", 0xffffL),
    I16(TypeName.SHORT, 2, "b.getShort()", "b.putShort((short) $L)", -1),
    U32(TypeName.LONG, 4, "Integer.toUnsignedLong(b.getInt())", "b.putInt((int) $L)", 0xffffffffL),
    I32(TypeName.INT, 4, "b.getInt()", "b.putInt((int) $L)", -1),
    U64(TypeName.LONG, 8, "b.getLong()", "b.putLong($L)", -1),
    I64(TypeName.LONG, 8, "b.getLong()", "b.putLong($L)", -1),
    F64(TypeName.DOUBLE, 8, "Double.longBitsToDouble(Long.reverseBytes(b.getLong()))",
            "b.putLong(Long.reverseBytes(Double.doubleToRawLongBits($L)))", -1),
    BOOL(TypeName.BOOLEAN, 1, "(b.get() != 0)", "b.put((byte) ($L ? 1 : 0))", -1);

    final TypeName java;
    final int size;
    final String read;
    final String write;
    /** The largest value a setter accepts for a widened unsigned type, or -1 when the Java type fits. */
    final long max;

    Prim(TypeName java, int size, String read, String write, long max) {
        this.java = java;
        this.size = size;
        this.read = read;
        this.write = write;
        this.max = max;
    }

    /** The Prim of a VPP scalar type name, or null for {@code string} and user types. */
    static Prim of(String vppType) {
        return switch (vppType) {
            case "u8" -> U8;
            case "i8" -> I8;
            case "u16" -> U16;
            case "i16" -> I16;
            case "u32" -> U32;
            case "i32" -> I32;
            case "u64" -> U64;
            case "i64" -> I64;
            case "f64" -> F64;
            case "bool" -> BOOL;
            default -> null;
        };
    }

    /** Enum raw values are held in an {@code int}: the same wire, without the widening. */
    String readRaw() {
        return this == U32 ? "b.getInt()" : read;
    }

    String writeRaw() {
        return this == U32 ? "b.putInt($L)" : write;
    }
}
