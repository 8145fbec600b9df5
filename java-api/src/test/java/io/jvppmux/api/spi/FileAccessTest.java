package io.jvppmux.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAccessTest {
    @TempDir
    Path dir;

    @Test
    void namesTheModeTheGroupAndWhetherThisProcessIsInIt() throws Exception {
        Path f = Files.createFile(dir.resolve("api.sock"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        int own = (Integer) Files.getAttribute(f, "unix:gid");
        assertThat(FileAccess.explain(f)).startsWith(f + " is rw-rw---- ").contains("(gid " + own + ")")
                .contains("this process (uid ").contains("is in group").doesNotContain("not in group");
        int foreign = own == 65534 ? 65533 : 65534;
        try {
            Files.setAttribute(f, "unix:gid", foreign);
        } catch (java.io.IOException e) {
            return;                                  // not root: this process cannot give the file another group
        }
        assertThat(FileAccess.explain(f)).contains("(gid " + foreign + ")").contains("is not in group")
                .contains("add its user to group");
    }

    @Test
    void aMissingFileIsSaidSo() {
        assertThat(FileAccess.explain(dir.resolve("none"))).contains("none").contains("cannot be read");
    }
}
