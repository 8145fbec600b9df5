package io.jvppmux.impl.contract;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.mock.MockVpp;

/** The contract over mock-vpp's in-process transport. */
class InProcessContractTest extends ContractSuite {
    @Override
    protected JvppMux connect(MockVpp vpp, MuxConfig config) {
        return JvppMux.connect(config, vpp.newTransport());
    }
}
