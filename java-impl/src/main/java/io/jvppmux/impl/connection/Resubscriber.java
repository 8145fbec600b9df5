package io.jvppmux.impl.connection;

import io.jvppmux.api.Message;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.Request;
import io.jvppmux.api.VppApiException;
import io.jvppmux.api.VppException;
import io.jvppmux.impl.channel.EventRegistrations;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every remembered {@code want_*} registration again after a reconnect, on the mux's own channel
 * (so they are not remembered twice). VPP refusing one is logged and skipped; the connection going down
 * meanwhile fails the connect attempt.
 */
final class Resubscriber {
    private static final Logger log = LoggerFactory.getLogger(Resubscriber.class);
    /** VNET_API_ERROR_INVALID_REGISTRATION: already registered. */
    private static final int ALREADY_REGISTERED = -31;

    private final EventRegistrations registrations;
    private final InternalChannel channel;
    private final Duration timeout;

    Resubscriber(EventRegistrations registrations, InternalChannel channel, Duration timeout) {
        this.registrations = registrations;
        this.channel = channel;
        this.timeout = timeout;
    }

    /** @throws NotConnectedException when the connection went down meanwhile */
    void resubscribe() {
        List<Message> requests = registrations.requests();
        int done = 0;
        for (Message m : requests) {
            if (m instanceof Request<?> r && send(r)) {
                done++;
            }
        }
        if (!requests.isEmpty()) {
            log.info("re-sent {} of {} event registrations", done, requests.size());
        }
    }

    private boolean send(Request<?> r) {
        try {
            channel.call(r, timeout);
            return true;
        } catch (NotConnectedException e) {
            throw e;
        } catch (VppApiException e) {
            if (e.retval() == ALREADY_REGISTERED) {
                return true;
            }
            log.warn("VPP refused the event registration {} again: {}", r, e.getMessage());
        } catch (VppException e) {
            log.warn("re-sending the event registration {} failed: {}", r, e.getMessage());
        }
        return false;
    }
}
