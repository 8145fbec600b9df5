package io.jvppmux.impl.core;

import io.jvppmux.api.ApiModule;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds every {@link ApiModule} registered with {@link ServiceLoader} (the bundled binapi and any
 * bindings a user generated for their VPP) and lists their messages, one descriptor per {@code name_crc}.
 */
public final class ApiModules {
    private ApiModules() {
    }

    /**
     * Every message of every module visible to the context class loader, else to this class's loader, as a
     * {@link MessageCatalog}: keys only, each message class loaded when first used.
     */
    public static MessageCatalog catalog() {
        return MessageCatalog.of(modules());
    }

    /** Every message of every module, every message class loaded (for tools and tests; not the connect path). */
    public static List<MessageDescriptor<? extends Message>> loadMessages() {
        return catalog().loadAll();
    }

    private static List<ApiModule> modules() {
        List<ApiModule> modules = load(Thread.currentThread().getContextClassLoader());
        return modules.isEmpty() ? load(ApiModules.class.getClassLoader()) : modules;
    }

    private static List<ApiModule> load(ClassLoader loader) {
        List<ApiModule> modules = new ArrayList<>();
        ServiceLoader.load(ApiModule.class, loader).forEach(modules::add);
        return modules;
    }
}
