package io.jvppmux.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.PluginInfo;
import java.util.List;
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

    /** The expression the hand-written reader follows, as the plugin list was read before. */
    private static final java.util.regex.Pattern LINE =
            java.util.regex.Pattern.compile("^\\s*\\d+\\.\\s+(\\S+\\.so)(?:\\s+(\\S+))?(?:\\s+(.*?))?\\s*$");

    /** How the list was read before: split at {@code \\R}, then the expression on each line. */
    private static List<PluginInfo> parseAsBefore(String text) {
        List<PluginInfo> plugins = new java.util.ArrayList<>();
        for (String line : text.split("\\R")) {
            java.util.regex.Matcher m = LINE.matcher(line);
            if (m.matches()) {
                String file = m.group(1);
                plugins.add(new PluginInfo(PluginList.shortName(file), file, m.group(2) == null ? "" : m.group(2),
                        m.group(3) == null ? "" : m.group(3)));
            }
        }
        return plugins;
    }

    @Test
    void readsEachLineAsTheRegularExpressionDoes() {
        String[] lines = {"  1. a.so", "1.a.so", "1. .so", "1. x.so ", "1. x.so\tv1\t", "12. x.so v1 some  text \t ",
            "1. x.sox v", "x. a.so", " 3 . a.so", "3.  a.so  v  d", "3. a.so v d\u000B", "\f4.\ta.so", "5. a.so\u00a0v",
            "6. b_plugin.so 1 two words", "7. c.so.so", "8. d.SO", "", " ", "9.", "10. "};
        java.util.Random random = new java.util.Random(7);
        String alphabet = " \t1.aso_x\u000B";
        List<String> all = new java.util.ArrayList<>(List.of(lines));
        for (int k = 0; k < 5_000; k++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(14);
            for (int j = 0; j < len; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            all.add(b.toString());
            all.add(random.nextInt(99) + ". " + b);
            all.add(random.nextInt(9) + "." + b + ".so" + b);
        }
        for (String text : all) {
            assertThat(PluginList.parse(text)).as("'%s'", text).containsExactlyElementsOf(parseAsBefore(text));
        }
        assertThat(PluginList.parse(String.join("\n", all))).containsExactlyElementsOf(parseAsBefore(String.join("\n", all)));
        assertThat(PluginList.parse("1. a.so\r\n2. b.so v\u20283. c.so\n")).extracting(PluginInfo::file)
                .containsExactly("a.so", "b.so", "c.so");
    }
}
