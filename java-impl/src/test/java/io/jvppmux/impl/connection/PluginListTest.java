package io.jvppmux.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.PluginInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code show plugins} parsed leniently: plugins from their numbered lines, anything else skipped. */
@Timeout(10)
class PluginListTest {
    @Test
    void readsEveryNumberedLine() {
        String out = """
                 Plugin path is: /usr/lib/x86_64-linux-gnu/vpp_plugins:/usr/lib/vpp_plugins

                     Plugin                                   Version                          Description
                  1. ioam_plugin.so                           26.06-release                    Inbound Operations, Administration, and Maintenance (OAM)
                  2. acl_plugin.so                            26.06-release                    Access Control Lists (ACL)
                 10. unittest_plugin.so                       26.06-release
                """;
        assertThat(PluginList.parse(out)).containsExactly(
                new PluginInfo("ioam", "ioam_plugin.so", "26.06-release",
                        "Inbound Operations, Administration, and Maintenance (OAM)"),
                new PluginInfo("acl", "acl_plugin.so", "26.06-release", "Access Control Lists (ACL)"),
                new PluginInfo("unittest", "unittest_plugin.so", "26.06-release", ""));
    }

    @Test
    void somethingElseIsNoPlugins() {
        assertThat(PluginList.parse("unknown input `show plugins'\n")).isEmpty();
        assertThat(PluginList.parse("")).isEmpty();
        assertThat(PluginList.parse("1. not-a-plugin 2. neither")).isEmpty();
    }

    @Test
    void shortNamesDropThePluginSuffix() {
        assertThat(PluginList.shortName("nat44_ei_plugin.so")).isEqualTo("nat44_ei");
        assertThat(PluginList.shortName("custom.so")).isEqualTo("custom");
    }
}
