package io.jvppmux.api;

/**
 * Service-provider interface behind {@link VppMux#connect}: java-impl registers one through
 * {@link java.util.ServiceLoader}.
 */
public interface VppMuxProvider {
    /** Connects as {@code config} says. */
    VppMux connect(MuxConfig config);

    /** A mux that connects in the background as {@code config} says (see {@link VppMux#connectAsync}). */
    VppMux connectAsync(MuxConfig config);
}
