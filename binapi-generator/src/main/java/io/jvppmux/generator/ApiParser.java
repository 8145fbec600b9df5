package io.jvppmux.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jvppmux.generator.model.AliasDef;
import io.jvppmux.generator.model.ApiFile;
import io.jvppmux.generator.model.EnumDef;
import io.jvppmux.generator.model.FieldDef;
import io.jvppmux.generator.model.ServiceDef;
import io.jvppmux.generator.model.StructDef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one {@code .api.json} into an {@link ApiFile}; every error names the file, definition and field. */
public final class ApiParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiParser() {
    }

    /** Parses {@code path}. */
    public static ApiFile parse(Path path) {
        JsonNode root;
        try {
            root = JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new GeneratorException(path + ": unreadable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new GeneratorException(path + ": not a JSON object");
        }
        String module = text(root, "module", path.toString());
        Ctx ctx = new Ctx(path);
        List<String> imports = new ArrayList<>();
        for (JsonNode i : root.path("imports")) {
            String s = i.asText();
            imports.add(s.substring(s.lastIndexOf('/') + 1).replaceFirst("\\.api$", ""));
        }
        Map<String, StructDef> types = structs(ctx, root.path("types"), "type");
        Map<String, StructDef> unions = structs(ctx, root.path("unions"), "union");
        Map<String, EnumDef> enums = new LinkedHashMap<>();
        enums(ctx, root.path("enums"), false, enums);
        enums(ctx, root.path("enumflags"), true, enums);
        List<StructDef> messages = new ArrayList<>(structs(ctx, root.path("messages"), "message").values());
        return new ApiFile(path, module, root.path("vl_api_version").asText(""), imports, types, unions, enums,
                aliases(ctx, root.path("aliases")), messages, services(ctx, root.path("services")));
    }

    private record Ctx(Path path) {
        GeneratorException error(String where, String what) {
            return new GeneratorException(path + ": " + where + ": " + what);
        }
    }

    private static Map<String, StructDef> structs(Ctx ctx, JsonNode list, String what) {
        Map<String, StructDef> out = new LinkedHashMap<>();
        for (JsonNode def : list) {
            if (!def.isArray() || def.size() < 1 || !def.get(0).isTextual()) {
                throw ctx.error(what + " " + def, "expected [\"name\", fields...]");
            }
            String name = def.get(0).asText();
            List<FieldDef> fields = new ArrayList<>();
            Map<String, Object> options = Map.of();
            String crc = null;
            String comment = null;
            for (int i = 1; i < def.size(); i++) {
                JsonNode f = def.get(i);
                if (f.isObject()) {
                    crc = f.has("crc") ? f.get("crc").asText().replaceFirst("^0x", "") : crc;
                    options = f.has("options") ? toMap(f.get("options")) : options;
                    comment = f.has("comment") ? f.get("comment").asText() : comment;
                } else {
                    fields.add(field(ctx, what + " " + name, f));
                }
            }
            if ("message".equals(what) && (crc == null || !crc.matches("[0-9a-f]{8}"))) {
                throw ctx.error("message " + name, "missing or malformed crc: " + crc);
            }
            StructDef s = new StructDef(name, List.copyOf(fields), crc, options, comment);
            StructDef old = out.putIfAbsent(name, s);
            if (old != null && !old.fields().equals(s.fields())) {
                throw ctx.error(what + " " + name, "defined twice with different fields");
            }
        }
        return out;
    }

    private static FieldDef field(Ctx ctx, String where, JsonNode f) {
        if (!f.isArray() || f.size() < 2 || !f.get(0).isTextual() || !f.get(1).isTextual()) {
            throw ctx.error(where, "field " + f + ": expected [type, name, ...]");
        }
        String type = f.get(0).asText();
        String name = f.get(1).asText();
        String fw = where + ", field " + name;
        if (f.size() == 2) {
            return new FieldDef(type, name, -1, null, Map.of());
        }
        JsonNode third = f.get(2);
        if (third.isObject() && f.size() == 3) {
            return new FieldDef(type, name, -1, null, toMap(third));
        }
        if (!third.isInt() || third.asInt() < 0) {
            throw ctx.error(fw, "unsupported construct " + f + " (expected a non-negative length or options)");
        }
        int length = third.asInt();
        if (f.size() == 3) {
            if (length == 0 && !"string".equals(type)) {
                throw ctx.error(fw, "unsupported construct " + f + ": a variable-length array needs a count field");
            }
            return new FieldDef(type, name, length, null, Map.of());
        }
        if (f.size() == 4 && f.get(3).isTextual() && length == 0) {
            return new FieldDef(type, name, 0, f.get(3).asText(), Map.of());
        }
        throw ctx.error(fw, "unsupported construct " + f);
    }

    private static void enums(Ctx ctx, JsonNode list, boolean flags, Map<String, EnumDef> out) {
        for (JsonNode def : list) {
            String name = def.path(0).asText();
            String base = "u32";
            List<EnumDef.Entry> entries = new ArrayList<>();
            for (int i = 1; i < def.size(); i++) {
                JsonNode e = def.get(i);
                if (e.isObject()) {
                    base = e.path("enumtype").asText(base);
                } else if (e.isArray() && e.size() == 2 && e.get(0).isTextual() && e.get(1).canConvertToLong()) {
                    entries.add(new EnumDef.Entry(e.get(0).asText(), e.get(1).asLong()));
                } else {
                    throw ctx.error("enum " + name, "entry " + e + ": expected [\"ID\", value]");
                }
            }
            if (!base.matches("[ui](8|16|32)")) {
                throw ctx.error("enum " + name, "unsupported enumtype " + base);
            }
            out.putIfAbsent(name, new EnumDef(name, base, List.copyOf(entries), flags));
        }
    }

    private static Map<String, AliasDef> aliases(Ctx ctx, JsonNode node) {
        Map<String, AliasDef> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!v.path("type").isTextual()) {
                throw ctx.error("alias " + e.getKey(), "missing type");
            }
            out.put(e.getKey(), new AliasDef(e.getKey(), v.get("type").asText(), v.has("length") ? v.get("length").asInt() : -1));
        }
        return out;
    }

    private static List<ServiceDef> services(Ctx ctx, JsonNode node) {
        List<ServiceDef> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            List<String> events = new ArrayList<>();
            v.path("events").forEach(x -> events.add(x.asText()));
            if (!v.path("reply").isTextual()) {
                throw ctx.error("service " + e.getKey(), "missing reply");
            }
            out.add(new ServiceDef(e.getKey(), v.get("reply").asText(), v.path("stream").asBoolean(false),
                    v.has("stream_msg") ? v.get("stream_msg").asText() : null, List.copyOf(events)));
        }
        return out;
    }

    private static String text(JsonNode root, String key, String where) {
        if (!root.path(key).isTextual()) {
            throw new GeneratorException(where + ": missing \"" + key + "\"");
        }
        return root.get(key).asText();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode n) {
        return n.isObject() ? JSON.convertValue(n, LinkedHashMap.class) : Map.of();
    }
}
