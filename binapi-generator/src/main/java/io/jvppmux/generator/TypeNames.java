package io.jvppmux.generator;

import java.util.Set;

/** VPP names to Java names. */
public final class TypeNames {
    /** VPP's built-in scalar types. */
    public static final Set<String> SCALARS =
            Set.of("u8", "i8", "u16", "i16", "u32", "i32", "u64", "i64", "f64", "bool", "string");

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits");
    /** Methods a generated message or type has besides its field accessors. */
    private static final Set<String> RESERVED_METHODS = Set.of("descriptor", "messageName", "messageCrc",
            "messageKind", "encodedSize", "encode", "decode", "replyDescriptor", "detailsDescriptor", "resumeFrom",
            "getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait", "clone", "finalize",
            "copy");

    private TypeNames() {
    }

    /** {@code vl_api_address_t} -> {@code address}; null for a built-in scalar type. */
    public static String userType(String vppType) {
        if (vppType.startsWith("vl_api_") && vppType.endsWith("_t")) {
            return vppType.substring(7, vppType.length() - 2);
        }
        if (SCALARS.contains(vppType)) {
            return null;
        }
        throw new GeneratorException("unknown type " + vppType);
    }

    /** {@code sw_interface_dump} -> {@code SwInterfaceDump}. */
    public static String className(String vppName) {
        String c = camel(vppName);
        return Character.toUpperCase(c.charAt(0)) + c.substring(1);
    }

    /** {@code sw_if_index} -> {@code swIfIndex}; a keyword or reserved method name gets a trailing {@code _}. */
    public static String memberName(String vppName) {
        String c = camel(vppName);
        c = Character.toLowerCase(c.charAt(0)) + c.substring(1);
        return KEYWORDS.contains(c) || RESERVED_METHODS.contains(c) ? c + "_" : c;
    }

    /** A module name as a package segment: a keyword gets an {@code s} ({@code interface} -> {@code interfaces}). */
    public static String packageSegment(String module) {
        String p = module.toLowerCase().replaceAll("[^a-z0-9_]", "_");
        if (!Character.isJavaIdentifierStart(p.charAt(0))) {
            p = "m" + p;
        }
        return KEYWORDS.contains(p) ? p + "s" : p;
    }

    /** An enum entry id as a Java constant name. */
    public static String constantName(String id) {
        String c = id.replaceAll("[^A-Za-z0-9_]", "_");
        return Character.isJavaIdentifierStart(c.charAt(0)) ? c : "_" + c;
    }

    private static String camel(String s) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char ch : s.toCharArray()) {
            if (ch == '_' || !Character.isJavaIdentifierPart(ch)) {
                up = sb.length() > 0;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        if (sb.length() == 0 || !Character.isJavaIdentifierStart(sb.charAt(0))) {
            sb.insert(0, 'x');
        }
        return sb.toString();
    }
}
