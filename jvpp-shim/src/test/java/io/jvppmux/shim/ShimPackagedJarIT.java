package io.jvppmux.shim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.mock.RecordingSink;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Run by failsafe after {@code package}, with the packaged jar on the class path instead of
 * target/classes: the loader extracts libjvppshim.so from the jar, and the native path works from there.
 */
class ShimPackagedJarIT {
    @Test
    void theLibraryIsExtractedFromThePackagedJarAndWorks() throws Exception {
        assertThat(JvppShim.class.getProtectionDomain().getCodeSource().getLocation().getPath()).endsWith(".jar");
        try (FakeVpp fake = FakeVpp.start()) {
            assertThat(JvppShim.isAvailable()).as(String.valueOf(JvppShim.unavailabilityCause())).isTrue();
            assertThat(JvppShim.describe()).contains("libjvppshim loaded from jar:file:")
                    .contains(".jar!/native/linux-x86_64/libjvppshim.so");
            RecordingSink sink = RecordingSink.direct();
            JvppShim.connect("it", FakeVpp.PREFIX, 64, RxMode.CALLBACK, new ShimReceiver(sink));
            try {
                JvppShim.write(Messages.controlPing(JvppShim.messageIndex(Messages.CONTROL_PING), 31));
                assertThat(Messages.replyContext(sink.next(Duration.ofSeconds(5)).bytes())).isEqualTo(31);
            } finally {
                JvppShim.disconnect();
            }
        }
    }
}
