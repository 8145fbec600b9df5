package io.jvppmux.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Adds to a class the fields of a message or type with their accessors, {@code encodedSize},
 * {@code encode}, {@code decode}, {@code equals}, {@code hashCode} and {@code toString}.
 */
final class StructEmitter {
    static final ClassName WIRE = ClassName.get("io.jvppmux.binapi.wire", "Wire");
    private static final ClassName SET = ClassName.get(Set.class);

    private final ClassName self;
    private final String vppName;
    private final List<JField> fields;

    StructEmitter(ClassName self, String vppName, List<JField> fields) {
        this.self = self;
        this.vppName = vppName;
        this.fields = fields;
    }

    void emit(TypeSpec.Builder t) {
        for (JField f : fields) {
            t.addField(declare(f));
            accessors(t, f);
        }
        t.addMethod(size());
        t.addMethod(encode());
        t.addMethod(decode());
        t.addMethod(equalsMethod());
        t.addMethod(hashCodeMethod());
        t.addMethod(toStringMethod());
    }

    private String what(JField f) {
        return vppName + "." + f.def.name();
    }

    private FieldSpec declare(JField f) {
        FieldSpec.Builder b = FieldSpec.builder(f.storage(), f.javaName, Modifier.PRIVATE);
        int n = f.length();
        switch (f.kind) {
            case PRIM -> {
                Object d = f.def.options().get("default");
                if ((d instanceof Number || d instanceof Boolean) && !f.isCount()) {
                    b.initializer("$L", literal(f.prim, d));
                }
            }
            case STRING -> b.initializer("$S", "");
            case BYTES -> b.initializer("new byte[$L]", Math.max(n, 0));
            case PRIM_ARRAY -> b.initializer("new $T[$L]", f.prim.java, Math.max(n, 0));
            case OBJ -> b.initializer("new $T()", f.cls);
            case OBJ_LIST -> b.initializer(n > 0 ? CodeBlock.of("$T.filled($L, $T::new)", WIRE, n, f.cls)
                    : CodeBlock.of("new $T<>()", ArrayList.class));
            default -> { }
        }
        return b.build();
    }

    private static String literal(Prim p, Object d) {
        if (d instanceof Boolean bool) {
            return p == Prim.BOOL ? bool.toString() : (bool ? "1" : "0");
        }
        Number num = (Number) d;
        return switch (p) {
            case BOOL -> num.longValue() != 0 ? "true" : "false";
            case F64 -> num.doubleValue() + "d";
            case U32, U64, I64 -> num.longValue() + "L";
            case I8 -> "(byte) " + num.longValue();
            case I16 -> "(short) " + num.longValue();
            default -> Long.toString(num.longValue());
        };
    }

    private void accessors(TypeSpec.Builder t, JField f) {
        String n = f.javaName;
        if (f.isCount()) {
            JField first = f.counted.get(0);
            String len = first.kind == JField.Kind.OBJ_LIST ? first.javaName + ".size()" : first.javaName + ".length";
            t.addMethod(MethodSpec.methodBuilder(n).addModifiers(Modifier.PUBLIC).returns(f.prim.java)
                    .addJavadoc("The element count of {@code $L}; written by {@code encode}.\n", first.def.name())
                    .addStatement("return ($T) $L", f.prim.java, len).build());
            return;
        }
        switch (f.kind) {
            case ENUM, FLAGS -> enumAccessors(t, f);
            default -> {
                t.addMethod(MethodSpec.methodBuilder(n).addModifiers(Modifier.PUBLIC).returns(f.storage())
                        .addJavadoc("{@code $L}.\n", f.def.name()).addStatement("return this.$L", n).build());
                MethodSpec.Builder set = setter(n, f.storage(), f);
                if (f.length() > 0 && (f.kind == JField.Kind.PRIM_ARRAY || f.kind == JField.Kind.OBJ_LIST)) {
                    set.addStatement("$T.checkLength(value.$L, $L, $S)", WIRE,
                            f.kind == JField.Kind.OBJ_LIST ? "size()" : "length", f.length(), what(f));
                }
                t.addMethod(set.addStatement("this.$L = $L", n, checked(f)).addStatement("return this").build());
            }
        }
    }

    private MethodSpec.Builder setter(String name, TypeName type, JField f) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Sets {@code $L}; returns this.\n", f.def.name()).addParameter(type, "value");
    }

    private CodeBlock checked(JField f) {
        String w = what(f);
        int n = f.length();
        return switch (f.kind) {
            case PRIM -> f.prim.max > 0
                    ? CodeBlock.of("($T) $T.checkUnsigned(value, $LL, $S)", f.prim.java, WIRE, f.prim.max, w)
                    : CodeBlock.of("value");
            case STRING -> n > 0 ? CodeBlock.of("$T.checkFixedString($T.requireNonNull(value, $S), $L, $S)", WIRE, Objects.class, w, n, w)
                    : CodeBlock.of("$T.requireNonNull(value, $S)", Objects.class, w);
            case BYTES -> n > 0 ? CodeBlock.of("$T.fixedBytes($T.requireNonNull(value, $S), $L, $S)", WIRE, Objects.class, w, n, w)
                    : CodeBlock.of("$T.requireNonNull(value, $S)", Objects.class, w);
            case PRIM_ARRAY -> CodeBlock.of("value");
            case OBJ_LIST -> CodeBlock.of("new $T<>(value)", ArrayList.class);
            default -> CodeBlock.of("$T.requireNonNull(value, $S)", Objects.class, w);
        };
    }

    private void enumAccessors(TypeSpec.Builder t, JField f) {
        String n = f.javaName;
        String w = what(f);
        if (f.kind == JField.Kind.FLAGS) {
            TypeName set = ParameterizedTypeName.get(SET, f.cls);
            t.addMethod(MethodSpec.methodBuilder(n).addModifiers(Modifier.PUBLIC).returns(set)
                    .addJavadoc("{@code $L} as a set of flags (bits no flag names are kept in {@link #$LValue()}).\n", f.def.name(), n)
                    .addStatement("return $T.setOf(this.$L)", f.cls, n).build());
            t.addMethod(setter(n, set, f).addStatement("this.$L = $T.maskOf(value)", n, f.cls).addStatement("return this").build());
        } else {
            t.addMethod(MethodSpec.methodBuilder(n).addModifiers(Modifier.PUBLIC).returns(f.cls)
                    .addJavadoc("{@code $L}; {@code UNKNOWN_VALUE} when the raw value ({@link #$LValue()}) names no constant.\n", f.def.name(), n)
                    .addStatement("return $T.fromValue(this.$L)", f.cls, n).build());
            t.addMethod(setter(n, f.cls, f).addStatement("this.$L = value.value()", n).addStatement("return this").build());
        }
        t.addMethod(MethodSpec.methodBuilder(n + "Value").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                .addJavadoc("The raw value of {@code $L}.\n", f.def.name()).addStatement("return this.$L", n).build());
        CodeBlock raw = f.prim.max > 0 && f.prim != Prim.U32
                ? CodeBlock.of("(int) $T.checkUnsigned(value, $LL, $S)", WIRE, f.prim.max, w) : CodeBlock.of("value");
        t.addMethod(setter(n + "Value", TypeName.INT, f).addStatement("this.$L = $L", n, raw).addStatement("return this").build());
    }

    private MethodSpec size() {
        int fixed = 0;
        CodeBlock.Builder dyn = CodeBlock.builder();
        for (JField f : fields) {
            int fs = f.fixedSize();
            if (fs >= 0) {
                fixed += fs;
                continue;
            }
            String n = "this." + f.javaName;
            switch (f.kind) {
                case STRING -> dyn.addStatement("s += $T.varStringSize($L)", WIRE, n);
                case BYTES -> dyn.addStatement("s += $L.length", n);
                case PRIM_ARRAY -> dyn.addStatement("s += $L.length * $L", n, f.prim.size);
                case OBJ -> dyn.addStatement("s += $L.encodedSize()", n);
                case OBJ_LIST -> {
                    if (f.objSize >= 0) {
                        dyn.addStatement("s += $L.size() * $L", n, f.objSize);
                    } else {
                        dyn.addStatement("s += $T.sizeOf($L)", WIRE, n);
                    }
                }
                default -> throw new IllegalStateException(f.def.name());
            }
        }
        return MethodSpec.methodBuilder("encodedSize").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT).addStatement("int s = $L", fixed).addCode(dyn.build()).addStatement("return s").build();
    }

    private MethodSpec encode() {
        CodeBlock.Builder c = CodeBlock.builder().addStatement("$T b = $T.be(buffer)", ByteBuffer.class, WIRE);
        for (JField f : fields) {
            encodeField(c, f);
        }
        c.addStatement("$T.sync(buffer, b)", WIRE);
        return MethodSpec.methodBuilder("encode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(ByteBuffer.class, "buffer").addCode(c.build()).build();
    }

    private void encodeField(CodeBlock.Builder c, JField f) {
        String n = "this." + f.javaName;
        int len = f.length();
        String w = vppName;
        String fn = f.def.name();
        switch (f.kind) {
            case PRIM -> {
                if (f.isCount()) {
                    countCheck(c, f);
                    JField a = f.counted.get(0);
                    String l = lengthOf(a);
                    c.addStatement(f.prim.write, CodeBlock.of("($T) $T.countOf($L, $LL, $S)", f.prim.java, WIRE, l,
                            f.prim.max > 0 ? f.prim.max : Integer.MAX_VALUE, what(a)));
                } else {
                    c.addStatement(f.prim.write, n);
                }
            }
            case ENUM, FLAGS -> c.addStatement(f.prim.writeRaw(), n);
            case STRING -> {
                if (len > 0) {
                    c.addStatement("$T.putFixedString(b, $L, $L, $S, $S)", WIRE, n, len, w, fn);
                } else {
                    c.addStatement("$T.putVarString(b, $L)", WIRE, n);
                }
            }
            case BYTES -> {
                if (len > 0) {
                    c.addStatement("$T.putFixedBytes(b, $L, $L, $S, $S)", WIRE, n, len, w, fn);
                } else {
                    c.addStatement("b.put($L)", n);
                }
            }
            case PRIM_ARRAY -> {
                if (len > 0) {
                    c.addStatement("$T.checkLength($L.length, $L, $S)", WIRE, n, len, what(f));
                }
                c.beginControlFlow("for ($T e : $L)", f.prim.java, n).addStatement(f.prim.write, "e").endControlFlow();
            }
            case OBJ -> c.addStatement("$L.encode(b)", n);
            case OBJ_LIST -> {
                if (len > 0) {
                    c.addStatement("$T.checkLength($L.size(), $L, $S)", WIRE, n, len, what(f));
                }
                c.beginControlFlow("for ($T e : $L)", f.cls, n).addStatement("e.encode(b)").endControlFlow();
            }
        }
    }

    private void countCheck(CodeBlock.Builder c, JField count) {
        for (int i = 1; i < count.counted.size(); i++) {
            JField a = count.counted.get(0);
            JField o = count.counted.get(i);
            c.addStatement("$T.sameLength($L, $L, $S)", WIRE, lengthOf(a), lengthOf(o), what(count));
        }
    }

    private static String lengthOf(JField a) {
        return a.kind == JField.Kind.OBJ_LIST ? "this." + a.javaName + ".size()" : "this." + a.javaName + ".length";
    }

    private MethodSpec decode() {
        CodeBlock.Builder c = CodeBlock.builder().addStatement("$T b = $T.be(buffer)", ByteBuffer.class, WIRE);
        for (JField f : fields) {
            decodeField(c, f);
        }
        c.addStatement("$T.sync(buffer, b)", WIRE);
        return MethodSpec.methodBuilder("decode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(ByteBuffer.class, "buffer").addParameter(String.class, "where").addCode(c.build()).build();
    }

    private void decodeField(CodeBlock.Builder c, JField f) {
        String n = "this." + f.javaName;
        String fn = f.def.name();
        String count = f.length() > 0 ? Integer.toString(f.length())
                : f.countField != null ? CodeBlock.of("$T.count($L, $L, b, where, $S)", WIRE, "this." + f.countField.javaName,
                Math.max(1, f.elementSize()), fn).toString() : null;
        switch (f.kind) {
            case PRIM, ENUM, FLAGS -> c.addStatement("$T.need(b, $L, where, $S)", WIRE, f.prim.size, fn)
                    .addStatement("$L = " + (f.kind == JField.Kind.PRIM ? f.prim.read : f.prim.readRaw()), n);
            case STRING -> c.addStatement(f.length() > 0 ? "$L = $T.fixedString(b, " + f.length() + ", where, $S)"
                    : "$L = $T.varString(b, where, $S)", n, WIRE, fn);
            case BYTES -> c.addStatement("$L = $T.bytes(b, $L, where, $S)", n, WIRE, count, fn);
            case PRIM_ARRAY -> c.beginControlFlow("").addStatement("int n = $L", count)
                    .addStatement("$T.need(b, n * $L, where, $S)", WIRE, f.prim.size, fn)
                    .addStatement("$L = new $T[n]", n, f.prim.java)
                    .beginControlFlow("for (int i = 0; i < n; i++)").addStatement("$L[i] = " + f.prim.read, n).endControlFlow()
                    .endControlFlow();
            case OBJ -> c.addStatement("$L.decode(b, where)", n);
            case OBJ_LIST -> c.beginControlFlow("").addStatement("int n = $L", count)
                    .addStatement("$L = new $T<>(n)", n, ArrayList.class)
                    .beginControlFlow("for (int i = 0; i < n; i++)")
                    .addStatement("$T e = new $T()", f.cls, f.cls).addStatement("e.decode(b, where)").addStatement("$L.add(e)", n)
                    .endControlFlow().endControlFlow();
        }
    }

    private List<JField> valueFields() {
        return fields.stream().filter(f -> !f.isCount()).toList();
    }

    private MethodSpec equalsMethod() {
        CodeBlock.Builder c = CodeBlock.builder()
                .addStatement("if (this == o) return true")
                .addStatement("if (!(o instanceof $T)) return false", self)
                .addStatement("$T x = ($T) o", self, self);
        List<CodeBlock> parts = new ArrayList<>();
        for (JField f : valueFields()) {
            String n = f.javaName;
            parts.add(switch (f.kind) {
                case PRIM -> f.prim == Prim.F64 ? CodeBlock.of("$T.compare(this.$L, x.$L) == 0", Double.class, n, n)
                        : CodeBlock.of("this.$L == x.$L", n, n);
                case ENUM, FLAGS -> CodeBlock.of("this.$L == x.$L", n, n);
                case BYTES, PRIM_ARRAY -> CodeBlock.of("$T.equals(this.$L, x.$L)", Arrays.class, n, n);
                default -> CodeBlock.of("$T.equals(this.$L, x.$L)", Objects.class, n, n);
            });
        }
        c.addStatement("return $L", parts.isEmpty() ? CodeBlock.of("true") : CodeBlock.join(parts, "\n    && "));
        return MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN).addParameter(Object.class, "o").addCode(c.build()).build();
    }

    private MethodSpec hashCodeMethod() {
        CodeBlock.Builder c = CodeBlock.builder().addStatement("int h = $L", vppName.hashCode());
        for (JField f : valueFields()) {
            String n = "this." + f.javaName;
            CodeBlock part = switch (f.kind) {
                case BYTES, PRIM_ARRAY -> CodeBlock.of("$T.hashCode($L)", Arrays.class, n);
                case PRIM -> CodeBlock.of("$T.hashCode($L)", f.prim.java.box(), n);
                case ENUM, FLAGS -> CodeBlock.of("$L", n);
                default -> CodeBlock.of("$T.hashCode($L)", Objects.class, n);
            };
            c.addStatement("h = 31 * h + $L", part);
        }
        return MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT).addCode(c.addStatement("return h").build()).build();
    }

    private MethodSpec toStringMethod() {
        CodeBlock.Builder c = CodeBlock.builder()
                .addStatement("$T sb = new $T($S)", StringBuilder.class, StringBuilder.class, self.simpleName() + "{");
        String sep = "";
        for (JField f : fields) {
            String n = "this." + f.javaName;
            String v = f.isCount() || f.isEnumLike() ? f.javaName + "()" : n;
            c.addStatement("sb.append($S).append($T.str($L))", sep + f.javaName + "=", WIRE, v);
            sep = ", ";
        }
        return MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addCode(c.addStatement("return sb.append('}').toString()").build()).build();
    }
}
