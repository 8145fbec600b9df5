package io.jvppmux.generator;

import com.palantir.javapoet.ClassName;
import io.jvppmux.generator.model.AliasDef;
import io.jvppmux.generator.model.ApiFile;
import io.jvppmux.generator.model.EnumDef;
import io.jvppmux.generator.model.FieldDef;
import io.jvppmux.generator.model.StructDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolves fields of one module's definitions to {@link JField}s and computes fixed sizes. */
final class Resolver {
    static final String BASE_PACKAGE = "io.jvppmux.binapi";

    private final ApiSet apis;
    private final Map<String, Integer> sizes = new HashMap<>();

    Resolver(ApiSet apis) {
        this.apis = apis;
    }

    /** The Java package of a module. */
    static String packageOf(String module) {
        return BASE_PACKAGE + "." + TypeNames.packageSegment(module);
    }

    /** The class of a type, union, enum or alias {@code name} as seen from {@code file}. */
    ClassName classOf(ApiFile file, String name) {
        return ClassName.get(packageOf(apis.ownerOf(file.module(), name)), TypeNames.className(name));
    }

    /** Whether enum {@code e} is generated as a flags enum. */
    static boolean isFlags(EnumDef e) {
        if (e.flags()) {
            return true;
        }
        if (!e.name().endsWith("flags") && !e.name().endsWith("flag")) {
            return false;
        }
        return e.entries().stream().allMatch(x -> x.value() == 0 || Long.bitCount(x.value() & 0xffffffffL) == 1);
    }

    /** Resolves the fields of a struct (after its header fields for messages), wiring count fields. */
    List<JField> resolve(ApiFile file, String where, List<FieldDef> fields) {
        Map<String, JField> byName = new LinkedHashMap<>();
        List<JField> out = new ArrayList<>();
        for (FieldDef f : fields) {
            JField jf = resolve(file, where, f);
            if (f.lengthField() != null) {
                JField count = byName.get(f.lengthField());
                if (count == null || count.kind != JField.Kind.PRIM || count.prim == Prim.F64 || count.prim == Prim.BOOL) {
                    throw new GeneratorException(file.path() + ": " + where + ", field " + f.name()
                            + ": count field " + f.lengthField() + " is not an earlier integer field");
                }
                count.counted.add(jf);
                jf.countField = count;
            }
            byName.put(f.name(), jf);
            out.add(jf);
        }
        return out;
    }

    private JField resolve(ApiFile file, String where, FieldDef f) {
        String fw = file.path() + ": " + where + ", field " + f.name();
        if ("string".equals(f.type())) {
            if (f.isScalar()) {
                throw new GeneratorException(fw + ": a string needs a length (N, or 0 for a variable string)");
            }
            return new JField(f, JField.Kind.STRING, Prim.U8, null, 1);
        }
        Prim p = Prim.of(f.type());
        if (p != null) {
            return array(f, p);
        }
        String name;
        try {
            name = TypeNames.userType(f.type());
        } catch (GeneratorException e) {
            throw new GeneratorException(fw + ": unknown type " + f.type());
        }
        return user(file, fw, f, name);
    }

    private JField user(ApiFile file, String fw, FieldDef f, String name) {
        if (file.aliases().containsKey(name)) {
            AliasDef a = file.aliases().get(name);
            if (a.length() < 0) {
                FieldDef base = new FieldDef(a.type(), f.name(), f.length(), f.lengthField(), f.options());
                return resolve(file, fw.substring(fw.indexOf(": ") + 2), base);
            }
            if (!"u8".equals(a.type())) {
                throw new GeneratorException(fw + ": unsupported construct: alias " + name + " of " + a.type() + "[" + a.length() + "]");
            }
            return obj(file, f, name, a.length());
        }
        if (file.enums().containsKey(name)) {
            EnumDef e = file.enums().get(name);
            Prim base = Prim.of(e.baseType());
            if (!f.isScalar()) {
                return new JField(f, JField.Kind.PRIM_ARRAY, base, null, -1);
            }
            return new JField(f, isFlags(e) ? JField.Kind.FLAGS : JField.Kind.ENUM, base, classOf(file, name), -1);
        }
        if (file.types().containsKey(name) || file.unions().containsKey(name)) {
            return obj(file, f, name, structSize(file, name));
        }
        throw new GeneratorException(fw + ": unknown type " + f.type());
    }

    private JField obj(ApiFile file, FieldDef f, String name, int size) {
        JField.Kind k = f.isScalar() ? JField.Kind.OBJ : JField.Kind.OBJ_LIST;
        return new JField(f, k, null, classOf(file, name), size);
    }

    private static JField array(FieldDef f, Prim p) {
        if (f.isScalar()) {
            return new JField(f, JField.Kind.PRIM, p, null, -1);
        }
        return new JField(f, p == Prim.U8 ? JField.Kind.BYTES : JField.Kind.PRIM_ARRAY, p, null, -1);
    }

    /** The fixed size of a type or union, -1 when it ends in a variable-length member. */
    int structSize(ApiFile file, String name) {
        String key = apis.ownerOf(file.module(), name) + "/" + name;
        Integer cached = sizes.get(key);
        if (cached != null) {
            return cached;
        }
        boolean union = file.unions().containsKey(name);
        StructDef s = union ? file.unions().get(name) : file.types().get(name);
        int total = 0;
        for (JField jf : resolve(file, (union ? "union " : "type ") + name, s.fields())) {
            int fs = jf.fixedSize();
            if (fs < 0) {
                if (union) {
                    throw new GeneratorException(file.path() + ": union " + name + ", field " + jf.def.name()
                            + ": unsupported construct: a variable-length union member");
                }
                total = -1;
                break;
            }
            total = union ? Math.max(total, fs) : total + fs;
        }
        sizes.put(key, total);
        return total;
    }
}
