package io.jvppmux.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.jvppmux.generator.model.ApiFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Reads a VPP API directory, proves the parse by recomputing every CRC, and writes Java sources (each
 * module's classes and its service client) to {@code out/java}, and the ServiceLoader registration and the key index
 * (every module's {@code name_crc} keys, read at connect instead of loading the module classes) to
 * {@code out/resources}.
 */
public final class Generator {
    /** What one run produced. */
    public record Result(int modules, int messages, int files, Map<String, Integer> legacyEnumEntries) {
    }

    /** Where the key index goes in the bindings' jar (the same path as {@code ApiModule.KEY_INDEX}). */
    static final String KEY_INDEX = "META-INF/jvppmux/api-modules.idx";

    private Generator() {
    }

    /** Generates; the output directory is emptied first so that removed definitions leave nothing behind. */
    public static Result run(Path apiDir, Path out) {
        ApiSet apis = ApiSet.load(apiDir);
        Resolver resolver = new Resolver(apis);
        apis.modules().forEach(f -> ModuleGenerator.validate(f, resolver));
        Map<String, Integer> legacy = new CrcCheck(apis).verify();
        ModuleGenerator gen = new ModuleGenerator(apis, resolver, legacy);
        List<JavaFile> files = new ArrayList<>();
        List<String> services = new ArrayList<>();
        List<String> keyIndex = new ArrayList<>();
        int messages = 0;
        for (ApiFile f : apis.modules()) {
            files.addAll(gen.generate(f));
            ServiceEmitter.emit(f).ifPresent(files::add);
            String moduleClass = ModuleGenerator.moduleClass(f).canonicalName();
            services.add(moduleClass);
            keyIndex.add(keyIndexLine(moduleClass, f));
            messages += f.messages().size();
        }
        files.add(binapiIndex(apis));
        write(out, files, services, keyIndex);
        return new Result(apis.modules().size(), messages, files.size(), legacy);
    }

    private static JavaFile binapiIndex(ApiSet apis) {
        ClassName module = ClassName.get("io.jvppmux.api", "ApiModule");
        CodeBlock.Builder list = CodeBlock.builder().add("return $T.of(", List.class);
        int i = 0;
        for (ApiFile f : apis.modules()) {
            list.add(i++ == 0 ? "\n    new $T()" : ",\n    new $T()", ModuleGenerator.moduleClass(f));
        }
        TypeSpec t = TypeSpec.classBuilder("Binapi").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Every generated module.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("modules").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addJavadoc("One instance of every module class, by module name.\n")
                        .returns(ParameterizedTypeName.get(ClassName.get(List.class), module))
                        .addCode(list.add(");\n").build()).build())
                .build();
        return JavaFile.builder(Resolver.BASE_PACKAGE, t).indent("    ").build();
    }

    /**
     * One line of the key index ({@code META-INF/jvppmux/api-modules.idx}, see {@code ApiModule}): the module class,
     * then the {@code name_crc} of each of its messages in the order of its {@code messageNames()}, separated by
     * spaces; what lets the mux resolve ids at connect without loading the module's class.
     */
    static String keyIndexLine(String moduleClass, ApiFile f) {
        StringBuilder line = new StringBuilder(moduleClass);
        f.messages().forEach(m -> line.append(' ').append(m.name()).append('_').append(m.crc()));
        return line.toString();
    }

    private static void write(Path out, List<JavaFile> files, List<String> services, List<String> keyIndex) {
        try {
            if (Files.exists(out)) {
                try (Stream<Path> s = Files.walk(out)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Path java = out.resolve("java");
            for (JavaFile f : files) {
                f.writeTo(java);
            }
            Path svc = out.resolve("resources/META-INF/services/io.jvppmux.api.ApiModule");
            Files.createDirectories(svc.getParent());
            Files.writeString(svc, String.join("\n", services) + "\n", StandardCharsets.UTF_8);
            Path idx = out.resolve("resources/" + KEY_INDEX);
            Files.createDirectories(idx.getParent());
            Files.writeString(idx, "# jvppmux api-module key index: a module class, then its messages' name_crc keys\n"
                    + String.join("\n", keyIndex) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated sources to " + out, e);
        }
    }
}
