package io.jvppmux.api;

/**
 * A reply whose first body field is {@code retval}: 0 is success, negative values are VPP's
 * {@code VNET_API_ERROR_*} codes (see {@link VppErrors}). The mux turns a non-zero retval into a
 * {@link VppApiException}.
 */
public interface HasRetval extends Message {
    /** The raw retval. */
    int retval();
}
