package io.jvppmux.impl.connection;

import io.jvppmux.api.PluginInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plugin list out of VPP's {@code show plugins} CLI output (VPP has no API message for it),
 * leniently: every line that looks like {@code "  12. acl_plugin.so   26.06-release   Access Control Lists"}
 * is a plugin, anything else (the path line, the header, an error text) is skipped.
 */
final class PluginList {
    /** The CLI command. */
    static final String COMMAND = "show plugins";

    private static final Pattern LINE = Pattern.compile("^\\s*\\d+\\.\\s+(\\S+\\.so)(?:\\s+(\\S+))?(?:\\s+(.*?))?\\s*$");

    private PluginList() {
    }

    /** The plugins listed in {@code cliOutput}, in order; empty when there is none. */
    static List<PluginInfo> parse(String cliOutput) {
        List<PluginInfo> plugins = new ArrayList<>();
        for (String line : cliOutput.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                String file = m.group(1);
                plugins.add(new PluginInfo(shortName(file), file, orEmpty(m.group(2)), orEmpty(m.group(3))));
            }
        }
        return plugins;
    }

    /** {@code acl_plugin.so} -> {@code acl}; {@code foo.so} -> {@code foo}. */
    static String shortName(String file) {
        String base = file.substring(0, file.length() - ".so".length());
        return base.endsWith("_plugin") ? base.substring(0, base.length() - "_plugin".length()) : base;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
