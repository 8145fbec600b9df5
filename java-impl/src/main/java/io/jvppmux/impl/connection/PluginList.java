package io.jvppmux.impl.connection;

import io.jvppmux.api.PluginInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the plugin list out of VPP's {@code show plugins} CLI output (VPP has no API message for it),
 * leniently: every line that looks like {@code "  12. acl_plugin.so   26.06-release   Access Control Lists"}
 * is a plugin, anything else (the path line, the header, an error text) is skipped.
 */
final class PluginList {
    /** The CLI command. */
    static final String COMMAND = "show plugins";

    private PluginList() {
    }

    /**
     * The plugins listed in {@code cliOutput}, in order; empty when there is none. A plugin line is
     * {@code ^\s*\d+\.\s+(\S+\.so)(?:\s+(\S+))?(?:\s+(.*?))?\s*$}: read by hand, which costs a cold JVM less than
     * compiling and running that expression (this runs at every connect).
     */
    static List<PluginInfo> parse(String cliOutput) {
        List<PluginInfo> plugins = new ArrayList<>();
        int start = 0;
        int n = cliOutput.length();
        while (start <= n) {
            int end = start;
            while (end < n && !isLineBreak(cliOutput.charAt(end))) {
                end++;
            }
            PluginInfo p = parseLine(cliOutput.substring(start, end));
            if (p != null) {
                plugins.add(p);
            }
            start = end + 1;
        }
        return plugins;
    }

    private static PluginInfo parseLine(String line) {
        int n = line.length();
        int i = skipSpaces(line, 0);
        int digits = i;
        while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        if (i == digits || i >= n || line.charAt(i) != '.') {
            return null;
        }
        i++;
        int fileStart = skipSpaces(line, i);
        if (fileStart == i) {
            return null;
        }
        int fileEnd = skipToken(line, fileStart);
        String file = line.substring(fileStart, fileEnd);
        if (file.length() <= ".so".length() || !file.endsWith(".so")) {
            return null;
        }
        int versionStart = skipSpaces(line, fileEnd);
        int versionEnd = skipToken(line, versionStart);
        String version = line.substring(versionStart, versionEnd);
        int descriptionStart = skipSpaces(line, versionEnd);
        int descriptionEnd = n;
        while (descriptionEnd > descriptionStart && isSpace(line.charAt(descriptionEnd - 1))) {
            descriptionEnd--;
        }
        return new PluginInfo(shortName(file), file, version, line.substring(descriptionStart, descriptionEnd));
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipToken(String s, int i) {
        while (i < s.length() && !isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The regular expressions' {@code \s}: space, tab, new line, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@code acl_plugin.so} -> {@code acl}; {@code foo.so} -> {@code foo}. */
    static String shortName(String file) {
        String base = file.substring(0, file.length() - ".so".length());
        return base.endsWith("_plugin") ? base.substring(0, base.length() - "_plugin".length()) : base;
    }

    /** A character of the regular expressions' {@code \R} (a {@code \r\n} pair is two breaks around an empty line). */
    private static boolean isLineBreak(char c) {
        return (c >= '\n' && c <= '\r') || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
