package io.jvppmux.impl.live;

import io.jvppmux.api.TransportKind;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LiveFaultSuite} over the shared-memory transport (libvppapiclient), against a VPP of its own. */
class LiveShmFaultTest extends LiveFaultSuite {
    @RegisterExtension
    static final OwnVpp VPP = new OwnVpp("shmfault");

    @Override
    protected OwnVpp own() {
        return VPP;
    }

    @Override
    protected TransportKind kind() {
        return TransportKind.SHM;
    }
}
