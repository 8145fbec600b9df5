package io.jvppmux.api.spi;

/**
 * What a transport sees of VPP without connecting ({@link VppTransport#presence}): the mux asks after a failed
 * connect attempt, and while VPP is {@link #ABSENT} it keeps looking (every few milliseconds, cheaply) and
 * tries again the moment VPP is {@link #PRESENT}, instead of sleeping out its reconnect backoff. The backoff
 * is for a VPP that is there and refuses; a VPP that is not there yet costs nothing to wait for.
 */
public enum VppPresence {
    /** Something accepts connections where VPP should be (it may still refuse the registration). */
    PRESENT,
    /** Nothing is there: no socket file, a stale one nobody listens on, no shared-memory segment. */
    ABSENT,
    /** The transport cannot tell: only the backoff decides when to try again. */
    UNKNOWN
}
