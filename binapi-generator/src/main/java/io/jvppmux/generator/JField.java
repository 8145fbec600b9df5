package io.jvppmux.generator;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.jvppmux.generator.model.FieldDef;
import java.util.ArrayList;
import java.util.List;

/** A field resolved to its Java shape: what the emitters need to declare, size, encode and decode it. */
final class JField {
    /** The shapes a field can take in Java. */
    enum Kind {
        /** a scalar of a built-in type, or an alias of one */
        PRIM,
        /** an enum, held as its raw value */
        ENUM,
        /** a flags enum, held as its raw mask */
        FLAGS,
        /** a fixed or variable string */
        STRING,
        /** u8 array, fixed or counted */
        BYTES,
        /** array of another built-in type or of enum raw values, fixed or counted */
        PRIM_ARRAY,
        /** a typedef'd type, union or array alias */
        OBJ,
        /** an array of OBJ, fixed or counted */
        OBJ_LIST
    }

    final FieldDef def;
    final String javaName;
    final Kind kind;
    /** The scalar (PRIM), element (arrays) or raw (enums) wire type. */
    final Prim prim;
    /** The class of OBJ, OBJ_LIST, ENUM and FLAGS fields. */
    final ClassName cls;
    /** Fixed size of one OBJ element, or -1 when it is variable. */
    final int objSize;
    /** For a count field: the arrays it counts. */
    final List<JField> counted = new ArrayList<>();
    /** For a counted array: its count field. */
    JField countField;

    JField(FieldDef def, Kind kind, Prim prim, ClassName cls, int objSize) {
        this.def = def;
        this.javaName = TypeNames.memberName(def.name());
        this.kind = kind;
        this.prim = prim;
        this.cls = cls;
        this.objSize = objSize;
    }

    int length() {
        return def.length();
    }

    boolean isCount() {
        return !counted.isEmpty();
    }

    boolean isEnumLike() {
        return kind == Kind.ENUM || kind == Kind.FLAGS;
    }

    /** The Java type the field is stored as. */
    TypeName storage() {
        return switch (kind) {
            case PRIM -> prim.java;
            case ENUM, FLAGS -> TypeName.INT;
            case STRING -> ClassName.get(String.class);
            case BYTES -> ArrayTypeName.of(TypeName.BYTE);
            case PRIM_ARRAY -> ArrayTypeName.of(prim.java);
            case OBJ -> cls;
            case OBJ_LIST -> ParameterizedTypeName.get(ClassName.get(List.class), cls);
        };
    }

    /** The element size of arrays, or the size of scalars. */
    int elementSize() {
        return switch (kind) {
            case PRIM, ENUM, FLAGS, PRIM_ARRAY -> prim.size;
            case BYTES, STRING -> 1;
            case OBJ, OBJ_LIST -> objSize;
        };
    }

    /** The encoded size when it does not depend on the value, else -1. */
    int fixedSize() {
        return switch (kind) {
            case PRIM, ENUM, FLAGS -> prim.size;
            case OBJ -> objSize;
            case STRING, BYTES, PRIM_ARRAY, OBJ_LIST -> length() > 0 && elementSize() >= 0 ? length() * elementSize() : -1;
        };
    }
}
