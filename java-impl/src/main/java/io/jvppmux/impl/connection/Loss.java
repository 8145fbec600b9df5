package io.jvppmux.impl.connection;

import io.jvppmux.api.ConnectionState;

/**
 * Why the connection of {@code generation} must be dropped.
 *
 * @param generation    the connection it is about (older ones are ignored)
 * @param notResponding whether to announce {@link ConnectionState#NOT_RESPONDING} first
 * @param reason        in words, for the events and the log
 * @param cause         the failure behind it, or null
 */
record Loss(int generation, boolean notResponding, String reason, Throwable cause) {
    /** Asks the supervisor to stop. */
    static final Loss STOP = new Loss(-1, false, "stop", null);

    static Loss closed(int generation, Throwable cause) {
        return new Loss(generation, false, "the connection to VPP was closed", cause);
    }

    static Loss restarted(int generation, long oldPid, long newPid) {
        return new Loss(generation, false, "VPP restarted: pid " + oldPid + " -> " + newPid, null);
    }

    static Loss silent(int generation, int misses, long timeoutMillis) {
        return new Loss(generation, true, "VPP missed " + misses + " health-check probes in a row (" + timeoutMillis
                + " ms each)", null);
    }
}
