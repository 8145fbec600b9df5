package io.jvppmux.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.jvppmux.generator.model.FieldDef;
import io.jvppmux.generator.model.ServiceDef;
import io.jvppmux.generator.model.StructDef;
import java.nio.ByteBuffer;
import java.util.List;
import javax.lang.model.element.Modifier;

/** A message class: the struct body plus its descriptor and the service relations it takes part in. */
final class MessageEmitter {
    private static final String API = "io.jvppmux.api";
    private static final ClassName MESSAGE = ClassName.get(API, "Message");
    private static final ClassName DESCRIPTOR = ClassName.get(API, "MessageDescriptor");
    private static final ClassName HAS_RETVAL = ClassName.get(API, "HasRetval");
    private static final ClassName WIRE_STRUCT = ClassName.get("io.jvppmux.binapi.wire", "WireStruct");

    private MessageEmitter() {
    }

    /**
     * Whether a message's body has an {@code i32 retval}: most replies start with it, a few carry it after an index
     * ({@code acl_add_replace_reply}: {@code acl_index, retval}; {@code map_add_domain_reply}, {@code dev_attach_reply}),
     * and theirs must be checked as well.
     */
    static boolean hasRetval(List<FieldDef> body) {
        return body.stream().anyMatch(f -> "retval".equals(f.name()) && "i32".equals(f.type()) && f.isScalar());
    }

    static TypeSpec emit(ClassName self, StructDef m, MessageShape shape, List<JField> fields,
                         ServiceDef service, java.util.function.Function<String, StructDef> messages) {
        TypeSpec.Builder t = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(MESSAGE).addSuperinterface(WIRE_STRUCT)
                .addJavadoc("$L", Javadocs.of(m.comment(), "VPP message {@code " + m.name() + "_" + m.crc() + "} ("
                        + shape.kind.toLowerCase() + ")" + (m.inProgress() ? "; marked in_progress: its API may change." : ".")));
        if (m.deprecated()) {
            t.addAnnotation(Deprecated.class);
        }
        if (hasRetval(shape.body)) {
            t.addSuperinterface(HAS_RETVAL);
        }
        t.addField(constant(String.class, "NAME", "$S", m.name()));
        t.addField(constant(String.class, "CRC", "$S", m.crc()));
        t.addField(FieldSpec.builder(ParameterizedTypeName.get(DESCRIPTOR, self), "DESCRIPTOR",
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("What the mux needs to know of this message.\n")
                .initializer("new $T<>(NAME, CRC, $T.$L, $T.$L, $T.class, $T::new)", DESCRIPTOR,
                        ClassName.get(API, "MessageKind"), shape.kind, ClassName.get(API, "HeaderLayout"), shape.layout, self, self)
                .build());
        t.addMethod(MethodSpec.methodBuilder("descriptor").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(DESCRIPTOR, self)).addStatement("return DESCRIPTOR").build());
        t.addMethod(MethodSpec.methodBuilder("decode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(ByteBuffer.class, "buffer").addStatement("decode(buffer, NAME)").build());
        if (service != null) {
            relations(t, self, service, messages);
        }
        new StructEmitter(self, m.name(), fields).emit(t);
        return t.build();
    }

    private static void relations(TypeSpec.Builder t, ClassName self, ServiceDef s,
                                  java.util.function.Function<String, StructDef> messages) {
        ServiceEntry e = ServiceEntry.of(s, messages);
        if (e.kind() == ServiceEntry.Kind.SKIP) {
            return;
        }
        ClassName r = self.peerClass(TypeNames.className(s.reply()));
        switch (e.kind()) {
            case STREAM -> {
                ClassName d = self.peerClass(TypeNames.className(s.streamMsg()));
                t.addSuperinterface(ParameterizedTypeName.get(ClassName.get(API, "StreamRequest"), r, d));
                t.addMethod(descriptorOf("replyDescriptor", r));
                t.addMethod(descriptorOf("detailsDescriptor", d));
                MethodSpec.Builder resume = MethodSpec.methodBuilder("resumeFrom").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN).addParameter(r, "reply");
                if (hasField(ServiceEntry.body(e.reply()), "cursor") && hasField(e.request().fields(), "cursor")) {
                    resume.addStatement("cursor(reply.cursor())").addStatement("return true");
                } else {
                    resume.addStatement("return false");
                }
                t.addMethod(resume.build());
            }
            case DUMP -> {
                t.addSuperinterface(ParameterizedTypeName.get(ClassName.get(API, "DumpRequest"), r));
                t.addMethod(descriptorOf("detailsDescriptor", r));
            }
            default -> {
                t.addSuperinterface(ParameterizedTypeName.get(ClassName.get(API, "Request"), r));
                t.addMethod(descriptorOf("replyDescriptor", r));
            }
        }
    }

    private static boolean hasField(List<FieldDef> fields, String name) {
        return fields.stream().anyMatch(f -> f.name().equals(name) && f.isScalar());
    }

    private static MethodSpec descriptorOf(String name, ClassName c) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(DESCRIPTOR, c)).addStatement("return $T.DESCRIPTOR", c).build();
    }

    private static FieldSpec constant(Class<?> type, String name, String fmt, Object value) {
        return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(fmt, value).build();
    }
}
