package io.jvppmux.api;

/**
 * Where the mux's connection to VPP stands. The mux moves between these states on its own and tells every
 * {@link ConnectionListener} about each move:
 *
 * <pre>
 *              EOF / pid change                    first attempt
 *  CONNECTED -------------------&gt; DISCONNECTED -----------------&gt; RECONNECTING --(ok)--&gt; CONNECTED
 *      |                               ^                              |   ^
 *      | threshold probes missed       |                              |   | backoff, next attempt
 *      v                               |                              +---+
 *  NOT_RESPONDING ---------------------+                              |
 *                                                                     +--(retry-connect-count reached)--&gt; FAILED
 *  any state --close()--&gt; CLOSED
 * </pre>
 *
 * Requests sent in any state but {@link #CONNECTED} fail with {@link NotConnectedException}.
 */
public enum ConnectionState {
    /** Connected, message ids resolved, VPP answers. */
    CONNECTED,
    /** VPP missed {@code health-check-threshold} health-check probes in a row; the mux disconnects next. */
    NOT_RESPONDING,
    /** The connection is gone (VPP closed it, restarted, or stopped answering); requests in flight failed. */
    DISCONNECTED,
    /** A reconnect attempt is under way (each attempt is one event). */
    RECONNECTING,
    /** Terminal: {@code retry-connect-count} reconnect attempts failed (only when that count is above 0). */
    FAILED,
    /** Terminal: the mux was closed. */
    CLOSED
}
