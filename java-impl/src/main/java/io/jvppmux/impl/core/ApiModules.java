package io.jvppmux.impl.core;

import io.jvppmux.api.ApiModule;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds every {@link ApiModule} registered as a {@link ServiceLoader} service (the bundled binapi and any
 * bindings a user generated for their VPP) and lists their messages, one descriptor per {@code name_crc}.
 *
 * <p>Without loading the module classes where it can: the registrations ({@code META-INF/services} files, and the
 * {@code provides} of named modules of the boot layer) name the classes, and a jar's key index
 * ({@link ApiModule#KEY_INDEX}) lists each module's keys; such a module's class is loaded and instantiated when one
 * of its messages is first used. A registered module the index does not list is loaded at once, as
 * {@link ServiceLoader} would. When no registration can be read this way, {@link ServiceLoader} finds the modules.
 */
public final class ApiModules {
    static final String SERVICES = "META-INF/services/io.jvppmux.api.ApiModule";

    private ApiModules() {
    }

    /**
     * Every message of every module visible to the context class loader, else to this class's loader, as a
     * {@link MessageCatalog}: keys only, each message class (and the module class, when the key index lists it)
     * loaded when first used.
     */
    public static MessageCatalog catalog() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        MessageCatalog c = context != null ? catalog(context) : null;
        return c != null && c.modules() > 0 ? c : catalog(ApiModules.class.getClassLoader());
    }

    /** Every message of every module, every message class loaded (for tools and tests; not the connect path). */
    public static List<MessageDescriptor<? extends Message>> loadMessages() {
        return catalog().loadAll();
    }

    /** The catalog of the modules {@code loader} sees. */
    static MessageCatalog catalog(ClassLoader loader) {
        Map<String, ClassLoader> registered = registrations(loader);
        if (registered.isEmpty()) {
            List<ApiModule> modules = new ArrayList<>();
            ServiceLoader.load(ApiModule.class, loader).forEach(modules::add);
            return MessageCatalog.of(modules);
        }
        Map<String, List<String>> index = keyIndex(loader);
        MessageCatalog.Builder b = MessageCatalog.builder();
        registered.forEach((className, classLoader) -> {
            List<String> keys = index.get(className);
            if (keys != null) {
                b.addIndexed(keys, new LazyModule(className, classLoader));
            } else {
                b.add(instantiate(className, classLoader));
            }
        });
        return b.build();
    }

    /** The registered module classes, in service order, each with the loader to load it from. */
    private static Map<String, ClassLoader> registrations(ClassLoader loader) {
        Map<String, ClassLoader> classes = new LinkedHashMap<>();
        for (String text : resources(loader, SERVICES)) {
            for (String line : text.split("\n")) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!name.isEmpty()) {
                    classes.putIfAbsent(name, loader);
                }
            }
        }
        ModuleLayer layer = ApiModule.class.getModule().getLayer();
        if (layer != null) {
            for (Module m : layer.modules()) {
                for (ModuleDescriptor.Provides p : m.getDescriptor().provides()) {
                    if (p.service().equals(ApiModule.class.getName())) {
                        p.providers().forEach(c -> classes.putIfAbsent(c, m.getClassLoader()));
                    }
                }
            }
        }
        return classes;
    }

    /** Every key index {@code loader} sees: module class name to its keys; the first listing of a class wins. */
    static Map<String, List<String>> keyIndex(ClassLoader loader) {
        Map<String, List<String>> index = new HashMap<>();
        for (String text : resources(loader, ApiModule.KEY_INDEX)) {
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                if (end > start && text.charAt(start) != '#') {
                    List<String> tokens = tokens(text, start, end);
                    if (!tokens.isEmpty()) {
                        index.putIfAbsent(tokens.get(0), List.copyOf(tokens.subList(1, tokens.size())));
                    }
                }
                start = end + 1;
            }
        }
        return index;
    }

    private static List<String> tokens(String text, int start, int end) {
        List<String> tokens = new ArrayList<>();
        int i = start;
        // spaces, tabs and a carriage return separate: any character up to ' ' (a plain test: this runs for every
        // character of the index, in a JVM that has compiled nothing yet)
        while (i < end) {
            while (i < end && text.charAt(i) <= ' ') {
                i++;
            }
            int j = i;
            while (j < end && text.charAt(j) > ' ') {
                j++;
            }
            if (j > i) {
                tokens.add(text.substring(i, j));
            }
            i = j;
        }
        return tokens;
    }

    private static List<String> resources(ClassLoader loader, String name) {
        List<String> texts = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(name);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                try (InputStream in = url.openStream()) {
                    texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " of the API bindings", e);
        }
        return texts;
    }

    private static ApiModule instantiate(String className, ClassLoader loader) {
        try {
            return Class.forName(className, false, loader).asSubclass(ApiModule.class).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new ServiceConfigurationError(ApiModule.class.getName() + ": provider " + className
                    + " could not be instantiated: " + e, e);
        }
    }

    /** A module known by its class name and keys; the class is loaded and instantiated on the first lookup. */
    static final class LazyModule implements MessageCatalog.Source {
        private final String className;
        private final ClassLoader loader;
        private volatile ApiModule module;

        LazyModule(String className, ClassLoader loader) {
            this.className = className;
            this.loader = loader;
        }

        @Override
        public MessageDescriptor<? extends Message> message(String nameCrc) {
            ApiModule m = module;
            if (m == null) {
                synchronized (this) {
                    m = module;
                    if (m == null) {
                        m = instantiate(className, loader);
                        module = m;
                    }
                }
            }
            return m.message(nameCrc);
        }

        @Override
        public boolean loaded() {
            return module != null;
        }
    }
}
