package io.jvppmux.api;

/**
 * A dump (VPP service {@code X_dump -> stream X_details}): answered by zero or more details and no
 * terminator; the mux sends a {@code control_ping} right after it and ends the dump at its reply.
 *
 * @param <D> the details type
 */
public interface DumpRequest<D extends Message> extends Message {
    /** The descriptor of the details. */
    MessageDescriptor<D> detailsDescriptor();
}
