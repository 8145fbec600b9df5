package io.jvppmux.api;

import java.util.List;

/**
 * One VPP API module's messages (one {@code .api.json}). Generated bindings register their modules
 * as {@link java.util.ServiceLoader} services of this type, so the mux can resolve every known
 * message's id at connect and decode what VPP sends.
 */
public interface ApiModule {
    /** The VPP module name, e.g. {@code interface}. */
    String name();

    /** The module's {@code vl_api_version}, as written in its {@code .api.json}. */
    String version();

    /** Every message of the module. */
    List<MessageDescriptor<? extends Message>> messages();
}
