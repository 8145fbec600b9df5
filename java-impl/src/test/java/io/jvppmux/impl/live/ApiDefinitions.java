package io.jvppmux.impl.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The messages a VPP's API definitions ({@code share/vpp/api/{core,plugins}/*.api.json}) declare: name -> CRC,
 * and for each message the file it comes from. A message is a JSON array that starts with its name and
 * {@code ["u16", "_vl_msg_id"]} and ends with {@code {"crc": "0x..."}}.
 */
final class ApiDefinitions {
    private static final Pattern MESSAGE = Pattern.compile(
            "\\[\\s*\"([A-Za-z0-9_]+)\",\\s*\\[\\s*\"u16\",\\s*\"_vl_msg_id\"\\s*]");
    private static final Pattern CRC = Pattern.compile("\"crc\":\\s*\"0x([0-9a-f]{8})\"");

    /** name -> CRC (8 hex digits). */
    final Map<String, String> crcs = new HashMap<>();
    /** name -> the file's name without {@code .api.json} and with its folder, e.g. {@code plugins/acl}. */
    final Map<String, String> files = new HashMap<>();

    private final Map<String, String> firstOfFile = new HashMap<>();

    private ApiDefinitions() {
    }

    /** The {@code name_crc} of the first message of {@code file}. */
    String firstOf(String file) {
        return firstOfFile.get(file);
    }

    /** Reads every {@code .api.json} under {@code apiDir}. */
    static ApiDefinitions read(Path apiDir) {
        ApiDefinitions defs = new ApiDefinitions();
        try (Stream<Path> all = Files.walk(apiDir)) {
            List<Path> jsons = all.filter(p -> p.toString().endsWith(".api.json")).sorted().toList();
            if (jsons.isEmpty()) {
                throw new IllegalArgumentException("no .api.json under " + apiDir);
            }
            for (Path p : jsons) {
                String file = apiDir.relativize(p).toString().replace(".api.json", "");
                defs.parse(Files.readString(p), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API definitions under " + apiDir, e);
        }
        return defs;
    }

    private void parse(String json, String file) {
        Matcher m = MESSAGE.matcher(json);
        while (m.find()) {
            Matcher crc = CRC.matcher(json);
            if (!crc.find(m.end())) {
                throw new IllegalStateException(file + ": message " + m.group(1) + " has no crc");
            }
            crcs.putIfAbsent(m.group(1), crc.group(1));
            firstOfFile.putIfAbsent(file, m.group(1) + "_" + crc.group(1));
            files.putIfAbsent(m.group(1), file);
        }
    }
}
