package io.jvppmux.impl.live;

import io.jvppmux.api.TransportKind;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LiveFaultSuite} over the API socket, against a VPP of its own. */
class LiveSocketFaultTest extends LiveFaultSuite {
    @RegisterExtension
    static final OwnVpp VPP = new OwnVpp("socketfault");

    @Override
    protected OwnVpp own() {
        return VPP;
    }

    @Override
    protected TransportKind kind() {
        return TransportKind.SOCKET;
    }
}
