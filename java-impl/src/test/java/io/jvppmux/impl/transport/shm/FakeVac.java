package io.jvppmux.impl.transport.shm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Finds the test-only libvppapiclient.so that jvpp-shim builds from its test C sources
 * ({@code jvpp-shim/src/test/c/fake_vppapiclient.c}) and points the shim at it: system property
 * {@code jvppmux.test.fakeVac}, else the class path (jvpp-shim's test-jar), else jvpp-shim's build
 * directory next to this module (the reactor builds jvpp-shim first).
 */
final class FakeVac {
    static final String RESOURCE = "/fake-vac/linux-x86_64/libvppapiclient.so";
    private static Path path;

    private FakeVac() {
    }

    /** The library's path, after setting {@code jvppmux.vppapiclient.library} to it. */
    static synchronized Path install() {
        if (path == null) {
            path = locate();
        }
        System.setProperty("jvppmux.vppapiclient.library", path.toString());
        return path;
    }

    private static Path locate() {
        String p = System.getProperty("jvppmux.test.fakeVac");
        if (p != null && Files.isRegularFile(Path.of(p))) {
            return Path.of(p);
        }
        URL url = FakeVac.class.getResource(RESOURCE);
        if (url != null) {
            return extract(url);
        }
        Path sibling = Path.of("").toAbsolutePath().resolveSibling("jvpp-shim")
                .resolve("target/test-classes" + RESOURCE);
        if (Files.isRegularFile(sibling)) {
            return sibling;
        }
        throw new IllegalStateException("the test libvppapiclient.so is not built: looked at -Djvppmux.test.fakeVac="
                + p + ", class path " + RESOURCE + " and " + sibling + "; build jvpp-shim first (mvn -pl jvpp-shim install)");
    }

    private static Path extract(URL url) {
        try (InputStream in = url.openStream()) {
            Path tmp = Files.createTempFile("fake-libvppapiclient", ".so");
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
