package io.jvppmux.shim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loader's order and its report; the real load is exercised by every other test of this module. */
class NativeLoaderTest {
    @Test
    void theResourceNameOfThisPlatform() {
        assertThat(NativeLoader.resourceName()).isEqualTo("/native/linux-x86_64/libjvppshim.so");
    }

    @Test
    void everyFailedAttemptIsNamedOnOneLine() {
        NativeLoader.Result r = NativeLoader.load("/nonexistent/libjvppshim.so", "/native/nowhere/libjvppshim.so");
        assertThat(r.loaded()).isFalse();
        assertThat(r.attempts()).hasSize(3);
        assertThat(r.describe()).doesNotContain("\n").startsWith("libjvppshim could not be loaded; tried: ")
                .contains("-Djvppmux.shim.library=/nonexistent/libjvppshim.so: ")
                .contains("java.library.path (")
                .contains("jar resource /native/nowhere/libjvppshim.so: not packaged");
    }

    @Test
    void theShimOfThisBuildLoadedFromItsClassesOrJar() {
        assertThat(JvppShim.isShimLibraryLoaded()).isTrue();
        assertThat(JvppShim.describe()).startsWith("libjvppshim loaded from ").contains("/native/linux-x86_64/libjvppshim.so");
    }
}
