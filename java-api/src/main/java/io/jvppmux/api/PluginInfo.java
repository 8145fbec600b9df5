package io.jvppmux.api;

import java.util.Objects;

/**
 * One plugin loaded by VPP, as {@code show plugins} lists it.
 *
 * @param name        the short name, e.g. {@code acl} for {@code acl_plugin.so}
 * @param file        the file name, e.g. {@code acl_plugin.so}
 * @param version     the plugin's version, e.g. {@code 26.06-release}
 * @param description what it does, as VPP describes it (may be empty)
 */
public record PluginInfo(String name, String file, String version, String description) {
    /** Checks that every field is set. */
    public PluginInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
    }
}
