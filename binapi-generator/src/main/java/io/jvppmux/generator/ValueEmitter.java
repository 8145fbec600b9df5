package io.jvppmux.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Fixed-size values held as raw bytes: unions (sized by their largest member, with typed views of each
 * member) and aliases of {@code u8[N]} ({@code mac_address}, {@code ip4_address}, ...).
 */
final class ValueEmitter {
    private static final ClassName WIRE = StructEmitter.WIRE;
    private static final ClassName WIRE_STRUCT = ClassName.get("io.jvppmux.binapi.wire", "WireStruct");

    private ValueEmitter() {
    }

    /** An alias of {@code u8[size]}. */
    static TypeSpec alias(ClassName self, String vppName, int size) {
        TypeSpec.Builder t = base(self, vppName, size, "bytes")
                .addJavadoc("VPP alias {@code $L}: {@code u8[$L]}, an immutable value.\n", vppName, size);
        t.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("All zero.\n").addStatement("this.bytes = new byte[$L]", size).build());
        t.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).addParameter(byte[].class, "value")
                .addJavadoc("A copy of {@code value}, which must hold exactly $L bytes.\n", size)
                .addStatement("$T.checkLength(value.length, $L, $S)", WIRE, size, vppName)
                .addStatement("this.bytes = value.clone()").build());
        t.addMethod(MethodSpec.methodBuilder("bytes").addModifiers(Modifier.PUBLIC).returns(byte[].class)
                .addJavadoc("A copy of the bytes.\n").addStatement("return bytes.clone()").build());
        t.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addStatement("return $T.formatAddress(bytes)", WIRE).build());
        return t.build();
    }

    /** A union of the given members, {@code size} bytes. */
    static TypeSpec union(ClassName self, String vppName, int size, List<JField> members) {
        TypeSpec.Builder t = base(self, vppName, size, "raw")
                .addJavadoc("VPP union {@code $L}: $L bytes, read and written through one member view at a time;\n"
                        + "the member in use is named by a sibling field of the enclosing type.\n", vppName, size);
        t.addMethod(MethodSpec.methodBuilder("raw").addModifiers(Modifier.PUBLIC).returns(byte[].class)
                .addJavadoc("A copy of the raw bytes.\n").addStatement("return raw.clone()").build());
        t.addMethod(MethodSpec.methodBuilder("raw").addModifiers(Modifier.PUBLIC).returns(self).addParameter(byte[].class, "value")
                .addJavadoc("Sets the raw bytes (zero-padded to $L).\n", size)
                .addStatement("$T.arraycopy($T.fixedBytes(value, $L, $S), 0, raw, 0, $L)", System.class, WIRE, size, vppName, size)
                .addStatement("return this").build());
        for (JField m : members) {
            member(t, self, vppName, size, m);
        }
        t.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addStatement("return $S + $T.str(raw) + '}'", self.simpleName() + "{raw=", WIRE).build());
        return t.build();
    }

    private static void member(TypeSpec.Builder t, ClassName self, String vppName, int size, JField m) {
        String n = m.javaName;
        CodeBlock read;
        CodeBlock write;
        TypeName type;
        switch (m.kind) {
            case PRIM -> {
                type = m.prim.java;
                read = CodeBlock.of("return " + m.prim.read);
                write = CodeBlock.of(m.prim.write, "value");
            }
            case OBJ -> {
                type = m.cls;
                read = CodeBlock.of("$T v = new $T(); v.decode(b, $S); return v", m.cls, m.cls, vppName);
                write = CodeBlock.of("value.encode(b)");
            }
            case BYTES -> {
                type = TypeName.get(byte[].class);
                read = CodeBlock.of("return $T.bytes(b, $L, $S, $S)", WIRE, m.length(), vppName, m.def.name());
                write = CodeBlock.of("$T.putFixedBytes(b, value, $L, $S, $S)", WIRE, m.length(), vppName, m.def.name());
            }
            default -> throw new GeneratorException("union " + vppName + ", field " + m.def.name()
                    + ": unsupported construct: union member of kind " + m.kind);
        }
        t.addMethod(MethodSpec.methodBuilder(n).addModifiers(Modifier.PUBLIC).returns(type)
                .addJavadoc("The bytes read as member {@code $L}.\n", m.def.name())
                .addStatement("$T b = $T.wrap(raw)", ByteBuffer.class, ByteBuffer.class).addStatement(read).build());
        t.addMethod(MethodSpec.methodBuilder(n).addModifiers(Modifier.PUBLIC).returns(self).addParameter(type, "value")
                .addJavadoc("Sets member {@code $L}; the rest of the $L bytes become zero.\n", m.def.name(), size)
                .addStatement("$T.fill(raw, (byte) 0)", Arrays.class)
                .addStatement("$T b = $T.wrap(raw)", ByteBuffer.class, ByteBuffer.class).addStatement(write)
                .addStatement("return this").build());
    }

    private static TypeSpec.Builder base(ClassName self, String vppName, int size, String field) {
        TypeSpec.Builder t = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL).addSuperinterface(WIRE_STRUCT);
        t.addField(FieldSpec.builder(TypeName.INT, "SIZE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Encoded size in bytes.\n").initializer("$L", size).build());
        FieldSpec.Builder f = FieldSpec.builder(byte[].class, field, Modifier.PRIVATE, Modifier.FINAL);
        if (field.equals("raw")) {
            f.initializer("new byte[$L]", size);
        }
        t.addField(f.build());
        t.addMethod(MethodSpec.methodBuilder("encodedSize").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT).addStatement("return SIZE").build());
        t.addMethod(MethodSpec.methodBuilder("encode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(ByteBuffer.class, "buffer").addStatement("buffer.put($L)", field).build());
        t.addMethod(MethodSpec.methodBuilder("decode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(ByteBuffer.class, "buffer").addParameter(String.class, "where")
                .addStatement("$T.need(buffer, SIZE, where, $S)", WIRE, vppName)
                .addStatement("buffer.get($L)", field).build());
        t.addMethod(MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN).addParameter(Object.class, "o")
                .addStatement("return o instanceof $T && $T.equals($L, (($T) o).$L)", self, Arrays.class, field, self, field).build());
        t.addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT).addStatement("return $T.hashCode($L)", Arrays.class, field).build());
        return t;
    }
}
