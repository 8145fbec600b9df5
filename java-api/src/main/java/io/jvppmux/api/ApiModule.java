package io.jvppmux.api;

import java.util.List;

/**
 * One VPP API module's messages (one {@code .api.json}). Generated bindings register their modules
 * as {@link java.util.ServiceLoader} services of this type, so the mux can resolve every known
 * message's id at connect ({@link #messageNames()}, no class loaded) and decode what VPP sends (a message's
 * class is loaded when it is first sent or received: {@link #message(String)}).
 *
 * <p>A jar of bindings may also list its modules' keys in a text resource, {@link #KEY_INDEX}: then the mux
 * resolves ids at connect from that file alone and loads (and instantiates) a module class only when one of its
 * messages is first used. Each line is a module's class name, then the {@code name_crc} of each of its messages in
 * the order of {@link #messageNames()}, separated by spaces; lines starting with {@code #} are comments. The
 * generator writes it; a module the index does not list is loaded at connect, as any service.
 */
public interface ApiModule {
    /** The key index resource: one line per module, its class name then its messages' {@code name_crc} keys. */
    String KEY_INDEX = "META-INF/jvppmux/api-modules.idx";

    /** The VPP module name, e.g. {@code interface}. */
    String name();

    /** The module's {@code vl_api_version}, as written in its {@code .api.json}. */
    String version();

    /** Every message of the module (loads every message class). */
    List<MessageDescriptor<? extends Message>> messages();

    /**
     * Every message's {@code name_crc} key, in the order of {@link #messages()}, without loading a message class:
     * what the mux needs to resolve ids at connect. Generated modules list constants; the default asks
     * {@link #messages()}.
     */
    default List<String> messageNames() {
        return messages().stream().map(MessageDescriptor::nameCrc).toList();
    }

    /**
     * The descriptor of one message of this module by its {@code name_crc}, loading that message's class only,
     * or null when the module has no such message. The default searches {@link #messages()}.
     */
    default MessageDescriptor<? extends Message> message(String nameCrc) {
        for (MessageDescriptor<? extends Message> d : messages()) {
            if (d.nameCrc().equals(nameCrc)) {
                return d;
            }
        }
        return null;
    }
}
