package io.jvppmux.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the mux knows of the VPP it is connected to, refreshed at every connect: {@code show_version}, the
 * {@code vpe_pid} and client index of {@code control_ping_reply}, and the loaded plugins (VPP has no API
 * message listing them: the mux reads the CLI's {@code show plugins}). A field VPP did not answer for is
 * empty ({@code ""}, 0 or no plugins).
 *
 * @param connected   whether the mux is connected now (the rest describes the latest connection)
 * @param program     {@code show_version}'s program, e.g. {@code vpe}
 * @param version     VPP's version, e.g. {@code 26.06-rc0~12-g1234abcd}
 * @param buildDate   VPP's build date as VPP prints it
 * @param pid         VPP's process id; a change across a reconnect means VPP restarted
 * @param clientIndex the mux's client index in VPP
 * @param plugins     the loaded plugins, in VPP's order
 * @param refreshedAt when this was read
 */
public record VppInfo(boolean connected, String program, String version, String buildDate, long pid, int clientIndex,
                      List<PluginInfo> plugins, Instant refreshedAt) {
    private static final Pattern RELEASE = Pattern.compile("^v?(\\d+\\.\\d+)");

    /** Checks that every field is set and copies the plugin list. */
    public VppInfo {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(buildDate, "buildDate");
        plugins = List.copyOf(plugins);
        Objects.requireNonNull(refreshedAt, "refreshedAt");
    }

    /** Nothing known yet (before the first connect). */
    public static VppInfo unknown() {
        return new VppInfo(false, "", "", "", 0, 0, List.of(), Instant.EPOCH);
    }

    /** This info with {@code connected} replaced. */
    public VppInfo withConnected(boolean now) {
        return now == connected ? this
                : new VppInfo(now, program, version, buildDate, pid, clientIndex, plugins, refreshedAt);
    }

    /** The release, {@code YY.MM}, of the version (e.g. {@code 26.06}), or {@code ""} when it has none. */
    public String releaseVersion() {
        Matcher m = RELEASE.matcher(version);
        return m.find() ? m.group(1) : "";
    }

    /** Whether a plugin of this short name ({@code acl}) or file name ({@code acl_plugin.so}) is loaded. */
    public boolean isPluginLoaded(String name) {
        Objects.requireNonNull(name, "name");
        return plugins.stream().anyMatch(p -> p.name().equals(name) || p.file().equals(name));
    }
}
