package io.jvppmux.shim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Only JNIEXPORT symbols leave libjvppshim.so (-fvisibility=hidden). */
class ExportedSymbolsTest {
    @Test
    void onlyJavaAndJniOnSymbolsAreExported() throws Exception {
        List<String> symbols = definedDynamicSymbols(builtLibrary());
        assertThat(symbols).isNotEmpty().allSatisfy(s -> assertThat(s).matches("Java_.*|JNI_OnLoad|JNI_OnUnload"));
        assertThat(symbols).contains("JNI_OnLoad", "JNI_OnUnload",
                "Java_io_jvppmux_shim_JvppShim_openVac0", "Java_io_jvppmux_shim_JvppShim_connect0",
                "Java_io_jvppmux_shim_JvppShim_disconnect0", "Java_io_jvppmux_shim_JvppShim_messageIndex0",
                "Java_io_jvppmux_shim_JvppShim_write0", "Java_io_jvppmux_shim_JvppShim_read0");
    }

    static Path builtLibrary() throws URISyntaxException {
        return Path.of(JvppShim.class.getResource(NativeLoader.resourceName()).toURI());
    }

    /** {@code nm -D --defined-only}: the names of the symbols the library defines for others. */
    static List<String> definedDynamicSymbols(Path lib) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("nm", "-D", "--defined-only", lib.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return Arrays.stream(out.split("\n")).map(String::trim).filter(l -> !l.isEmpty())
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
    }
}
