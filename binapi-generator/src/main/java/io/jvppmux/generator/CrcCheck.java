package io.jvppmux.generator;

import io.jvppmux.generator.model.ApiFile;
import io.jvppmux.generator.model.EnumDef;
import io.jvppmux.generator.model.FieldDef;
import io.jvppmux.generator.model.StructDef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes every message's CRC with vppapigen's algorithm (docs/PROTOCOL.md 5.3) and fails on any
 * mismatch with the JSON: the proof that the parse is faithful.
 *
 * <p>One wrinkle: vppapigen leaves enum entries marked {@code backwards_compatible} (always the last
 * ones) out of an enum's CRC input, but the JSON does not mark them. Where a message does not match,
 * the check looks for the number of trailing entries of its enums that makes it match, keeps it for
 * that enum everywhere, and verifies every message again at the end.
 */
public final class CrcCheck {
    private final ApiSet apis;
    private final Map<String, Integer> legacyEntries = new HashMap<>();

    /** @param apis the API set to check */
    public CrcCheck(ApiSet apis) {
        this.apis = apis;
    }

    /**
     * Checks every message.
     *
     * @return per enum name, the number of trailing entries taken as backwards_compatible (non-zero only)
     * @throws GeneratorException naming the file and message of the first mismatch
     */
    public Map<String, Integer> verify() {
        for (ApiFile f : apis.modules()) {
            for (StructDef m : f.messages()) {
                if (!matches(f, m)) {
                    solve(f, m);
                }
            }
        }
        for (ApiFile f : apis.modules()) {
            for (StructDef m : f.messages()) {
                if (!matches(f, m)) {
                    throw new GeneratorException(f.path() + ": message " + m.name() + ": computed CRC "
                            + String.format("%08x", compute(f, m)) + " differs from the JSON's " + m.crc());
                }
            }
        }
        Map<String, Integer> out = new HashMap<>();
        legacyEntries.forEach((k, v) -> {
            if (v > 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The CRC of message {@code m} of file {@code f}. */
    public long compute(ApiFile f, StructDef m) {
        List<FieldDef> block = m.fields().subList(1, m.fields().size());
        return fold(f, block, crc(0, repr(block)));
    }

    private boolean matches(ApiFile f, StructDef m) {
        return String.format("%08x", compute(f, m)).equals(m.crc());
    }

    private void solve(ApiFile f, StructDef m) {
        List<String> candidates = new ArrayList<>();
        for (String e : enumsOf(f, m.fields().subList(1, m.fields().size()), new LinkedHashSet<>())) {
            if (!legacyEntries.containsKey(e)) {
                candidates.add(e);
            }
        }
        if (search(f, m, candidates, 0, Math.min(3, candidates.size()))) {
            return;
        }
        for (String e : candidates) {
            legacyEntries.remove(e);
        }
        throw new GeneratorException(f.path() + ": message " + m.name() + ": computed CRC "
                + String.format("%08x", compute(f, m)) + " differs from the JSON's " + m.crc());
    }

    /** Tries dropping trailing entries of up to {@code depth} of the candidate enums. */
    private boolean search(ApiFile f, StructDef m, List<String> candidates, int from, int depth) {
        if (matches(f, m)) {
            return true;
        }
        if (depth == 0) {
            return false;
        }
        for (int i = from; i < candidates.size(); i++) {
            String e = candidates.get(i);
            int n = f.enums().get(e).entries().size();
            for (int drop = 1; drop < n; drop++) {
                legacyEntries.put(e, drop);
                if (search(f, m, candidates, i + 1, depth - 1)) {
                    return true;
                }
            }
            legacyEntries.remove(e);
        }
        return false;
    }

    private Set<String> enumsOf(ApiFile f, List<FieldDef> fields, Set<String> acc) {
        for (FieldDef fd : fields) {
            String n = TypeNames.userType(fd.type());
            if (n == null) {
                continue;
            }
            if (f.enums().containsKey(n)) {
                acc.add(n);
            } else if (f.types().containsKey(n) || f.unions().containsKey(n)) {
                enumsOf(f, struct(f, n).fields(), acc);
            }
        }
        return acc;
    }

    private long fold(ApiFile f, List<FieldDef> block, long crc) {
        for (FieldDef fd : block) {
            String n = TypeNames.userType(fd.type());
            if (n == null) {
                continue;
            }
            if (f.aliases().containsKey(n)) {
                crc = crc(crc, "[]");
            } else if (f.enums().containsKey(n)) {
                EnumDef e = f.enums().get(n);
                crc = crc(crc, e.crcRepr(e.entries().size() - legacyEntries.getOrDefault(n, 0)));
            } else if (f.types().containsKey(n) || f.unions().containsKey(n)) {
                List<FieldDef> inner = struct(f, n).fields();
                crc = fold(f, inner, crc(crc, repr(inner)));
            } else {
                throw new GeneratorException(f.path() + ": unknown type " + fd.type() + " of field " + fd.name());
            }
        }
        return crc;
    }

    private static StructDef struct(ApiFile f, String n) {
        return f.types().containsKey(n) ? f.types().get(n) : f.unions().get(n);
    }

    private static String repr(List<FieldDef> block) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < block.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(block.get(i).crcRepr());
        }
        return sb.append(']').toString();
    }

    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    /**
     * zlib's {@code crc32(data, start)}, as Python's {@code binascii.crc32} computes it: the JDK's
     * {@link java.util.zip.CRC32} cannot continue from a given value, which vppapigen's folding needs.
     */
    static long crc(long start, String data) {
        int c = ~(int) start;
        for (byte b : data.getBytes(StandardCharsets.UTF_8)) {
            c = TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
        }
        return Integer.toUnsignedLong(~c);
    }
}
