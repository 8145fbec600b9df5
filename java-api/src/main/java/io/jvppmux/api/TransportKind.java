package io.jvppmux.api;

/** Which transport the mux connects with. */
public enum TransportKind {
    /** Shared memory through libvppapiclient (module jvpp-shim). */
    SHM,
    /** VPP's API socket, pure Java ({@code /run/vpp/api.sock} by default). */
    SOCKET
}
