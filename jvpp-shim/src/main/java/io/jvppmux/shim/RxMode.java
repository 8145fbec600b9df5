package io.jvppmux.shim;

/** How the shim receives: see {@code shim_rx.c} for why {@link #CALLBACK} is the default. */
public enum RxMode {
    /** libvppapiclient's rx thread calls the shim, which copies into the ring (attached once, daemon). */
    CALLBACK,
    /** A Java thread loops on {@link JvppShim#read} ({@code vac_read}, whole-second timeouts). */
    READ
}
