package io.jvppmux.impl.transport.shm;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.impl.JvppMux;
import java.time.Duration;
import java.util.List;

/**
 * The mux over shared memory in a fresh JVM (run under -Xcheck:jni by {@link ShmProcessTest}): connect with
 * prefix {@code args[0]}, a synchronous call, a dump, 2,000 async calls, close. Prints MUX OK.
 */
public final class ShmMuxSmokeMain {
    private ShmMuxSmokeMain() {
    }

    public static void main(String[] args) throws Exception {
        FakeVac.install();
        MuxConfig config = MuxConfig.builder().shmPrefix(args[0]).connectTimeout(Duration.ofSeconds(5)).build();
        try (JvppMux mux = JvppMux.connect(config, new ShmTransport()); ApiChannel ch = mux.newApiChannel()) {
            String version = ch.call(new ShowVersion()).version();
            List<SwInterfaceDetails> all = ch.dump(new SwInterfaceDump().swIfIndex(0xffffffffL));
            for (int round = 0; round < 20; round++) {
                var calls = new java.util.ArrayList<java.util.concurrent.CompletableFuture<?>>();
                for (int i = 0; i < 100; i++) {
                    calls.add(ch.callAsync(new ShowVersion()));
                }
                for (var f : calls) {
                    f.get();
                }
            }
            System.out.println("MUX OK version=" + version + " interfaces=" + all.size());
        }
    }
}
