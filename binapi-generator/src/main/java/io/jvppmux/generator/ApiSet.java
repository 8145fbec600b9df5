package io.jvppmux.generator;

import io.jvppmux.generator.model.ApiFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every {@code .api.json} under a directory laid out as VPP installs them ({@code core/},
 * {@code plugins/}), and which module defines each type, union, enum and alias: each file folds its
 * imports' definitions into its own lists, and a definition belongs to the one module that has it
 * without importing it.
 */
public final class ApiSet {
    private final Map<String, ApiFile> modules = new TreeMap<>();
    private final Map<String, Set<String>> owned = new TreeMap<>();

    /** Reads every {@code *.api.json} below {@code dir}. */
    public static ApiSet load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new GeneratorException(dir + ": not a directory (expected VPP's api directory with core/ and plugins/)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".api.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new GeneratorException(dir + ": no *.api.json files found");
        }
        ApiSet set = new ApiSet();
        for (Path f : files) {
            ApiFile api = ApiParser.parse(f);
            ApiFile old = set.modules.put(api.module(), api);
            if (old != null) {
                throw new GeneratorException(f + ": module " + api.module() + " also defined by " + old.path());
            }
        }
        set.resolveOwners();
        return set;
    }

    /** Every module, by name. */
    public Collection<ApiFile> modules() {
        return modules.values();
    }

    /** The module named {@code name}. */
    public ApiFile module(String name) {
        return modules.get(name);
    }

    /** Whether {@code module} defines (rather than imports) the type, union, enum or alias {@code name}. */
    public boolean owns(String module, String name) {
        return owned.get(module).contains(name);
    }

    /**
     * The module that defines {@code name} as seen from {@code from}: {@code from} itself or one of the
     * modules it imports, directly or not.
     */
    public String ownerOf(String from, String name) {
        for (String m : closure(from, true)) {
            if (owned.get(m).contains(name)) {
                return m;
            }
        }
        throw new GeneratorException(modules.get(from).path() + ": no module defines " + name);
    }

    private void resolveOwners() {
        for (ApiFile f : modules.values()) {
            Set<String> own = names(f);
            for (String imp : closure(f.module(), false)) {
                own.removeAll(names(modules.get(imp)));
            }
            owned.put(f.module(), own);
        }
    }

    private List<String> closure(String module, boolean includeSelf) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(module));
        while (!todo.isEmpty()) {
            String m = todo.poll();
            if (!seen.add(m)) {
                continue;
            }
            ApiFile f = modules.get(m);
            for (String imp : f.imports()) {
                if (!modules.containsKey(imp)) {
                    throw new GeneratorException(f.path() + ": imports " + imp + ".api, which is not in the input");
                }
                todo.add(imp);
            }
        }
        List<String> out = new ArrayList<>(seen);
        if (!includeSelf) {
            out.remove(module);
        }
        return out;
    }

    private static Set<String> names(ApiFile f) {
        Set<String> s = new HashSet<>();
        s.addAll(f.types().keySet());
        s.addAll(f.unions().keySet());
        s.addAll(f.enums().keySet());
        s.addAll(f.aliases().keySet());
        return s;
    }
}
