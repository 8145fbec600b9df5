package io.jvppmux.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator on small hand-written inputs: what it makes, and each bad input it refuses. */
class GeneratorTest {
    @TempDir
    Path dir;

    /** A module with an enum, an alias, a type ending in a VLA, a request/reply pair and a dump. */
    private static final String GOOD = """
            {
              "module": "demo",
              "types": [["thing", ["u8", "n"], ["u32", "vals", 0, "n"]]],
              "messages": [
                ["demo_ping", ["u16", "_vl_msg_id"], ["u32", "client_index"], ["u32", "context"], {"crc": "0x51077d14", "options": {}}],
                ["demo_ping_reply", ["u16", "_vl_msg_id"], ["u32", "context"], ["i32", "retval"], {"crc": "0xe8d4e804", "options": {"deprecated": null}}],
                ["demo_dump", ["u16", "_vl_msg_id"], ["u32", "client_index"], ["u32", "context"], {"crc": "CRC_DUMP", "options": {}}],
                ["demo_details", ["u16", "_vl_msg_id"], ["u32", "context"], ["vl_api_color_t", "c"], ["vl_api_thing_t", "t"], {"crc": "CRC_DETAILS", "options": {}}]
              ],
              "unions": [],
              "enums": [["color", ["RED", 1], ["GREEN", 2], {"enumtype": "u8"}]],
              "enumflags": [],
              "services": {"demo_ping": {"reply": "demo_ping_reply"}, "demo_dump": {"reply": "demo_details", "stream": true}},
              "options": {}, "aliases": {"idx": {"type": "u32"}}, "vl_api_version": "0x1", "imports": [], "counters": [], "paths": []
            }
            """;

    private Path write(String module, String json) throws IOException {
        Path core = Files.createDirectories(dir.resolve("api/core"));
        Path f = core.resolve(module + ".api.json");
        Files.writeString(f, json);
        return f;
    }

    private static String withCrcs(String json) {
        return json.replace("CRC_DUMP", hex(CrcCheck.crc(0, "[['u32', 'client_index'], ['u32', 'context']]")))
                .replace("CRC_DETAILS", hex(detailsCrc()));
    }

    private static long detailsCrc() {
        long c = CrcCheck.crc(0, "[['u32', 'context'], ['vl_api_color_t', 'c'], ['vl_api_thing_t', 't']]");
        c = CrcCheck.crc(c, "[['RED', 1], ['GREEN', 2]]");
        return CrcCheck.crc(c, "[['u8', 'n'], ['u32', 'vals', 0, 'n']]");
    }

    private static String hex(long v) {
        return "0x" + String.format("%08x", v);
    }

    @Test
    void crcMatchesVppapigenExamples() {
        assertThat(String.format("%08x", CrcCheck.crc(0, "[['u32', 'client_index'], ['u32', 'context']]"))).isEqualTo("51077d14");
        assertThat(String.format("%08x", CrcCheck.crc(0, "[['u32', 'context'], ['i32', 'retval']]"))).isEqualTo("e8d4e804");
    }

    @Test
    void generatesEveryConstructOfASmallModule() throws IOException {
        write("demo", withCrcs(GOOD));
        Path out = dir.resolve("out");
        Generator.Result r = Generator.run(dir.resolve("api"), out);
        assertThat(r.modules()).isEqualTo(1);
        assertThat(r.messages()).isEqualTo(4);
        Path pkg = out.resolve("java/io/jvppmux/binapi/demo");
        assertThat(pkg.resolve("DemoPing.java")).content().contains("implements Message, WireStruct, Request<DemoPingReply>");
        assertThat(pkg.resolve("DemoPingReply.java")).content().contains("@Deprecated").contains("HasRetval");
        assertThat(pkg.resolve("DemoDump.java")).content().contains("DumpRequest<DemoDetails>");
        assertThat(pkg.resolve("DemoDetails.java")).content().contains("public Color c()").contains("public int cValue()");
        assertThat(pkg.resolve("Thing.java")).content().contains("public int n()").contains("Wire.count(this.n");
        assertThat(pkg.resolve("Color.java")).content().contains("RED(1, true)").contains("UNKNOWN_VALUE");
        assertThat(pkg.resolve("DemoModule.java")).content().contains("DemoPing.DESCRIPTOR");
        assertThat(out.resolve("resources/META-INF/services/io.jvppmux.api.ApiModule"))
                .content().isEqualTo("io.jvppmux.binapi.demo.DemoModule\n");
        assertThat(out.resolve("resources/META-INF/jvppmux/api-modules.idx")).content()
                .as("the key index: the module class, then its messages' name_crc keys in messageNames() order")
                .matches("(?s)# [^\n]*\nio\\.jvppmux\\.binapi\\.demo\\.DemoModule demo_ping_[0-9a-f]{8} demo_ping_reply_[0-9a-f]{8} "
                        + "demo_dump_[0-9a-f]{8} demo_details_[0-9a-f]{8}\n");
    }

    @Test
    void generationIsDeterministic() throws IOException {
        write("demo", withCrcs(GOOD));
        Generator.run(dir.resolve("api"), dir.resolve("a"));
        Generator.run(dir.resolve("api"), dir.resolve("b"));
        Path f = Path.of("java/io/jvppmux/binapi/demo/DemoDetails.java");
        assertThat(Files.readString(dir.resolve("a").resolve(f))).isEqualTo(Files.readString(dir.resolve("b").resolve(f)));
    }

    @Test
    void crcMismatchNamesFileAndMessage() throws IOException {
        write("demo", withCrcs(GOOD).replace("0x51077d14", "0x12345678"));
        assertThatThrownBy(() -> Generator.run(dir.resolve("api"), dir.resolve("out")))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("demo.api.json").hasMessageContaining("demo_ping")
                .hasMessageContaining("51077d14").hasMessageContaining("12345678");
    }

    @Test
    void unreadableJsonNamesTheFile() throws IOException {
        write("demo", "{ not json");
        assertThatThrownBy(() -> Generator.run(dir.resolve("api"), dir.resolve("out")))
                .isInstanceOf(GeneratorException.class).hasMessageContaining("demo.api.json").hasMessageContaining("unreadable JSON");
    }

    @Test
    void unknownTypeNamesMessageAndField() throws IOException {
        write("demo", withCrcs(GOOD).replace("\"vl_api_color_t\", \"c\"", "\"vl_api_colour_t\", \"c\""));
        assertThatThrownBy(() -> Generator.run(dir.resolve("api"), dir.resolve("out")))
                .isInstanceOf(GeneratorException.class).hasMessageContaining("demo.api.json")
                .hasMessageContaining("demo_details").hasMessageContaining("vl_api_colour_t");
    }

    @Test
    void unsupportedConstructNamesTypeAndField() throws IOException {
        write("demo", withCrcs(GOOD).replace("[\"u32\", \"vals\", 0, \"n\"]", "[\"u32\", \"vals\", 0]"));
        assertThatThrownBy(() -> Generator.run(dir.resolve("api"), dir.resolve("out")))
                .isInstanceOf(GeneratorException.class).hasMessageContaining("demo.api.json")
                .hasMessageContaining("type thing").hasMessageContaining("field vals").hasMessageContaining("unsupported construct");
    }

    @Test
    void countFieldMustComeFirst() throws IOException {
        write("demo", withCrcs(GOOD).replace("[\"u32\", \"vals\", 0, \"n\"]", "[\"u32\", \"vals\", 0, \"m\"]"));
        assertThatThrownBy(() -> Generator.run(dir.resolve("api"), dir.resolve("out")))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("field vals").hasMessageContaining("count field m");
    }

    @Test
    void missingImportIsNamed() throws IOException {
        write("demo", withCrcs(GOOD).replace("\"imports\": []", "\"imports\": [\"vnet/nowhere.api\"]"));
        assertThatThrownBy(() -> Generator.run(dir.resolve("api"), dir.resolve("out")))
                .isInstanceOf(GeneratorException.class).hasMessageContaining("nowhere");
    }

    @Test
    void emptyDirectoryIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("api/core"));
        assertThatThrownBy(() -> Generator.run(dir.resolve("api"), dir.resolve("out")))
                .isInstanceOf(GeneratorException.class).hasMessageContaining("no *.api.json");
    }

    @Test
    void importedDefinitionsAreGeneratedOnceInTheirOwnModule() throws IOException {
        write("demo", withCrcs(GOOD));
        String user = """
                {"module": "user", "types": [["thing", ["u8", "n"], ["u32", "vals", 0, "n"]]],
                 "messages": [["user_get", ["u16", "_vl_msg_id"], ["u32", "client_index"], ["u32", "context"], ["vl_api_color_t", "c"], {"crc": "CRC", "options": {}}]],
                 "unions": [], "enums": [["color", ["RED", 1], ["GREEN", 2], {"enumtype": "u8"}]], "enumflags": [], "services": {},
                 "options": {}, "aliases": {}, "vl_api_version": "0x2", "imports": ["demo.api"], "counters": [], "paths": []}
                """;
        long c = CrcCheck.crc(CrcCheck.crc(0, "[['u32', 'client_index'], ['u32', 'context'], ['vl_api_color_t', 'c']]"),
                "[['RED', 1], ['GREEN', 2]]");
        write("user", user.replace("CRC", hex(c)));
        Generator.run(dir.resolve("api"), dir.resolve("out"));
        Path base = dir.resolve("out/java/io/jvppmux/binapi");
        assertThat(base.resolve("user/Color.java")).doesNotExist();
        assertThat(base.resolve("user/Thing.java")).doesNotExist();
        assertThat(base.resolve("user/UserGet.java")).content().contains("io.jvppmux.binapi.demo.Color");
    }
}
