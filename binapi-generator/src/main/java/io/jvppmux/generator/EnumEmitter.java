package io.jvppmux.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.jvppmux.generator.model.EnumDef;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A VPP enum as a Java enum. Each constant knows its raw value; {@code UNKNOWN_VALUE} stands for a value
 * the enum does not name (fields keep the raw value). Flags enums also convert masks to sets and back.
 */
final class EnumEmitter {
    private EnumEmitter() {
    }

    static TypeSpec emit(ClassName self, EnumDef e, int legacyEntries) {
        boolean flags = Resolver.isFlags(e);
        TypeSpec.Builder t = TypeSpec.enumBuilder(self).addModifiers(Modifier.PUBLIC)
                .addJavadoc("VPP $L {@code $L} ($L on the wire)$L.\n", flags ? "flags" : "enum", e.name(), e.baseType(),
                        legacyEntries > 0 ? "; its last " + legacyEntries + " entries are backwards_compatible" : "");
        Set<Long> seen = new HashSet<>();
        CodeBlock.Builder sw = CodeBlock.builder().beginControlFlow("switch (value)");
        for (EnumDef.Entry x : e.entries()) {
            String c = TypeNames.constantName(x.id());
            t.addEnumConstant(c, TypeSpec.anonymousClassBuilder("$L, true", (int) x.value()).build());
            if (seen.add(x.value())) {
                sw.addStatement("case $L: return $L", (int) x.value(), c);
            }
        }
        sw.addStatement("default: return UNKNOWN_VALUE").endControlFlow();
        t.addEnumConstant("UNKNOWN_VALUE", TypeSpec.anonymousClassBuilder("0, false")
                .addJavadoc("A value VPP sent that this enum does not name; never sent by setters.\n").build());
        t.addField(TypeName.INT, "value", Modifier.PRIVATE, Modifier.FINAL);
        t.addField(TypeName.BOOLEAN, "known", Modifier.PRIVATE, Modifier.FINAL);
        t.addMethod(MethodSpec.constructorBuilder().addParameter(TypeName.INT, "value").addParameter(TypeName.BOOLEAN, "known")
                .addStatement("this.value = value").addStatement("this.known = known").build());
        t.addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                .addJavadoc("The raw value (unsigned bits for u32).\n@throws IllegalStateException for {@code UNKNOWN_VALUE}\n")
                .beginControlFlow("if (!known)")
                .addStatement("throw new $T($S)", IllegalStateException.class, e.name() + ".UNKNOWN_VALUE has no value: use the field's raw value")
                .endControlFlow().addStatement("return value").build());
        t.addMethod(MethodSpec.methodBuilder("fromValue").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("The constant of a raw value, or {@code UNKNOWN_VALUE}.\n")
                .addParameter(TypeName.INT, "value").addCode(sw.build()).build());
        if (flags) {
            addFlagMethods(t, self);
        }
        return t.build();
    }

    private static void addFlagMethods(TypeSpec.Builder t, ClassName self) {
        TypeName set = ParameterizedTypeName.get(ClassName.get(Set.class), self);
        t.addMethod(MethodSpec.methodBuilder("setOf").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(set)
                .addJavadoc("The flags set in {@code mask}; bits no flag names are left out.\n")
                .addParameter(TypeName.INT, "mask")
                .addStatement("$T s = $T.noneOf($T.class)", set, EnumSet.class, self)
                .beginControlFlow("for ($T f : values())", self)
                .beginControlFlow("if (f.known && f.value != 0 && (mask & f.value) == f.value)").addStatement("s.add(f)").endControlFlow()
                .endControlFlow().addStatement("return s").build());
        t.addMethod(MethodSpec.methodBuilder("maskOf").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(TypeName.INT)
                .addJavadoc("The mask of a set of flags.\n")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Set.class), self), "flags")
                .addStatement("int m = 0")
                .beginControlFlow("for ($T f : flags)", self).addStatement("m |= f.value()").endControlFlow()
                .addStatement("return m").build());
    }
}
