package io.jvppmux.impl.core;

import io.jvppmux.api.ApiModule;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds every {@link ApiModule} registered with {@link ServiceLoader} (the bundled binapi and any
 * bindings a user generated for their VPP) and lists their messages, one descriptor per {@code name_crc}.
 */
public final class ApiModules {
    private ApiModules() {
    }

    /** Every message of every module visible to the context class loader, else to this class's loader. */
    public static List<MessageDescriptor<? extends Message>> loadMessages() {
        List<ApiModule> modules = load(Thread.currentThread().getContextClassLoader());
        if (modules.isEmpty()) {
            modules = load(ApiModules.class.getClassLoader());
        }
        Map<String, MessageDescriptor<? extends Message>> byNameCrc = new LinkedHashMap<>();
        for (ApiModule m : modules) {
            for (MessageDescriptor<? extends Message> d : m.messages()) {
                byNameCrc.putIfAbsent(d.nameCrc(), d);
            }
        }
        return new ArrayList<>(byNameCrc.values());
    }

    private static List<ApiModule> load(ClassLoader loader) {
        List<ApiModule> modules = new ArrayList<>();
        ServiceLoader.load(ApiModule.class, loader).forEach(modules::add);
        return modules;
    }
}
