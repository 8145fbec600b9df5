package io.jvppmux.cli.bench;

/** The VPP a bench talks to. */
enum Where {
    /** An embedded mock-vpp, in-process transport. */
    MOCK_IN_PROCESS("mock-vpp in-process"),
    /** An embedded mock-vpp behind its UNIX socket server, through the socket transport. */
    MOCK_SOCKET("mock-vpp over its socket"),
    /** A live VPP's API socket. */
    SOCKET("VPP socket"),
    /** A live VPP over shared memory (jvpp-shim and VPP's libvppapiclient). */
    SHM("VPP shared memory"),
    /** An embedded mock-vpp through the shm transport and jvpp-shim's test libvppapiclient (over its socket). */
    MOCK_SHM("mock-vpp through the shm transport and the test libvppapiclient");

    final String label;

    /** Whether the transport is libvppapiclient's, which allows one connection per process. */
    boolean isShm() {
        return this == SHM || this == MOCK_SHM;
    }

    Where(String label) {
        this.label = label;
    }
}
