package io.jvppmux.shim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search order for libvppapiclient and the one-line report of every attempt. */
class VacLocatorTest {
    @TempDir
    Path dir;

    @Test
    void configuredPathFirstThenTheSonameThenVersionedNamesNewestFirst() throws Exception {
        Files.createFile(dir.resolve("libvppapiclient.so.25.10"));
        Files.createFile(dir.resolve("libvppapiclient.so.26.06"));
        Files.createFile(dir.resolve("libvppinfra.so.26.06"));
        assertThat(VacLocator.candidates("/opt/my/libvppapiclient.so", dir.toString())).containsExactly(
                "/opt/my/libvppapiclient.so", "libvppapiclient.so",
                dir.resolve("libvppapiclient.so.26.06").toString(), dir.resolve("libvppapiclient.so.25.10").toString());
    }

    @Test
    void stopsAtTheFirstThatLoads() throws Exception {
        Files.createFile(dir.resolve("libvppapiclient.so.26.06"));
        List<String> tried = new ArrayList<>();
        VacLocator.Result r = VacLocator.locate(null, dir.toString(), c -> {
            tried.add(c);
            return c.endsWith("26.06") ? null : "cannot open shared object file";
        });
        assertThat(r.loaded()).isEqualTo(dir.resolve("libvppapiclient.so.26.06").toString());
        assertThat(tried).containsExactly("libvppapiclient.so", r.loaded());
        assertThat(r.describe()).startsWith("libvppapiclient loaded from " + r.loaded());
    }

    @Test
    void whenNothingLoadsOneLineNamesEveryAttempt() {
        VacLocator.Result r = VacLocator.locate("/nope/libvppapiclient.so", dir.toString(),
                c -> c + ": cannot open shared object file:\nNo such file or directory");
        assertThat(r.loaded()).isNull();
        assertThat(r.describe()).doesNotContain("\n").startsWith("libvppapiclient could not be loaded; tried: ")
                .contains("/nope/libvppapiclient.so: /nope/libvppapiclient.so: cannot open shared object file")
                .contains("; libvppapiclient.so: ")
                .endsWith("; no libvppapiclient.so.<version> in " + dir);
    }
}
