package io.jvppmux.api;

/**
 * The role a message plays, taken from the {@code services} of its {@code .api.json} and, where
 * services are silent, from its header fields as GoVPP classifies them (docs/PROTOCOL.md 1.3).
 */
public enum MessageKind {
    /** Sent by the client: a request, dump or {@code want_*} registration. */
    REQUEST,
    /** Sent by VPP in answer to a request: a {@code *_reply} or a {@code *_details}. */
    REPLY,
    /** Sent by VPP on its own, without a context: {@code sw_interface_event} and friends. */
    EVENT,
    /** Anything else, e.g. {@code memclnt_delete} or {@code rx_thread_exit}. */
    OTHER
}
