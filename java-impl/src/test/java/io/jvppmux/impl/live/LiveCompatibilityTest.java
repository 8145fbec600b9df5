package io.jvppmux.impl.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ApiModule;
import io.jvppmux.api.CompatibilityException;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.PluginInfo;
import io.jvppmux.binapi.Binapi;
import io.jvppmux.impl.JvppMux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code checkCompatibility} over every message of the bundled bindings against the live VPP: the missing and
 * CRC-changed messages it reports (from VPP's message table) are exactly those the VPP's own API definitions
 * ({@code share/vpp/api}) predict, once the plugins VPP did not load are left out.
 */
@Timeout(60)
class LiveCompatibilityTest {
    @Test
    void missingAndChangedMessagesAreWhatTheVppsApiDefinitionsPredict() {
        Path socket = Path.of(LiveVpp.require(LiveVpp.SOCKET, "the compatibility check"));
        Path home = Path.of(LiveVpp.require(LiveVpp.VPP_HOME, "the VPP's API definitions"));
        ApiDefinitions defs = ApiDefinitions.read(home.resolve("share/vpp/api"));
        Map<String, MessageDescriptor<? extends Message>> bundled = new LinkedHashMap<>();
        for (ApiModule m : Binapi.modules()) {
            m.messages().forEach(d -> bundled.putIfAbsent(d.nameCrc(), d));
        }
        try (JvppMux mux = LiveTransports.socket(MuxConfig.defaults(), socket); ApiChannel ch = mux.newApiChannel()) {
            Set<String> loaded = mux.vppInfo().plugins().stream().map(PluginInfo::file).collect(Collectors.toSet());
            PluginBinaries plugins = new PluginBinaries(home.resolve("lib/vpp_plugins"));
            Map<String, Boolean> absentFiles = new HashMap<>();
            Set<String> predictedMissing = new TreeSet<>();
            Set<String> predictedChanged = new TreeSet<>();
            for (MessageDescriptor<? extends Message> d : bundled.values()) {
                String crc = defs.crcs.get(d.name());
                String file = defs.files.get(d.name());
                if (crc == null || absentFiles.computeIfAbsent(String.valueOf(file),
                        f -> notLoaded(file, defs.firstOf(file), plugins, loaded))) {
                    predictedMissing.add(d.nameCrc());
                } else if (!crc.equals(d.crc())) {
                    predictedChanged.add(d.name());
                }
            }
            CompatibilityException e = (CompatibilityException) catchThrowable(
                    () -> ch.checkCompatibility(bundled.values().toArray(MessageDescriptor[]::new)));
            assertThat(e).as("VPP %s differs from the bundled bindings", mux.vppInfo().version()).isNotNull();
            List<String> changedNames = new ArrayList<>();
            e.crcChanged().forEach(s -> changedNames.add(s.substring(0, s.indexOf('_' + crcOf(s)))));
            assertThat(new TreeSet<>(e.missing())).as("missing").isEqualTo(predictedMissing);
            assertThat(new TreeSet<>(changedNames)).as("CRC changed").isEqualTo(predictedChanged);
            int same = bundled.size() - e.missing().size() - e.crcChanged().size();
            System.out.println("LIVE-FIGURE compatibility of the bundled bindings (" + bundled.size()
                    + " messages) with VPP " + mux.vppInfo().version() + ": " + same + " same, "
                    + e.crcChanged().size() + " CRC changed " + new TreeSet<>(changedNames) + ", " + e.missing().size()
                    + " missing; as its share/vpp/api predicts");
        }
    }

    /**
     * Whether VPP lacks the messages of {@code file}: a plugin's file whose messages ({@code name_crc}, as VPP
     * registers them) are in no plugin VPP loaded: in one it did not load (e.g. dpdk, disabled), or in none of
     * the folder's plugins (not built, e.g. bpf_trace_filter). The plugin is found by its bytes, since file and
     * plugin names differ ({@code nat44_ed.api.json} is in {@code nat_plugin.so}).
     */
    private static boolean notLoaded(String file, String firstNameCrc, PluginBinaries plugins, Set<String> loaded) {
        if (file == null || !file.startsWith("plugins/")) {
            return false;
        }
        return plugins.containing(firstNameCrc).stream().noneMatch(loaded::contains);
    }

    /** The CRC inside a crcChanged entry {@code name_crc (VPP has name_crc2)}. */
    private static String crcOf(String entry) {
        String first = entry.split(" ")[0];
        return first.substring(first.lastIndexOf('_') + 1);
    }
}
