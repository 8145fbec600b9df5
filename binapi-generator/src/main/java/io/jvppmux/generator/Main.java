package io.jvppmux.generator;

import java.nio.file.Path;

/**
 * Command line: {@code Main <api-dir> <out-dir>}, where api-dir is laid out as VPP installs its API
 * files ({@code /usr/share/vpp/api}: {@code core/*.api.json}, {@code plugins/*.api.json}).
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the generator.
     *
     * @throws GeneratorException on bad input (the message names file, message or type, and field)
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Main <api-dir> <out-dir>");
        }
        long t0 = System.nanoTime();
        Generator.Result r = Generator.run(Path.of(args[0]), Path.of(args[1]));
        System.out.printf("binapi-generator: %d modules, %d messages, %d files, every CRC verified "
                        + "(backwards_compatible enum entries inferred: %s) in %d ms%n",
                r.modules(), r.messages(), r.files(), r.legacyEnumEntries(), (System.nanoTime() - t0) / 1_000_000);
    }
}
