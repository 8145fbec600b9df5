package io.jvppmux.impl.channel;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code want_*} registrations VPP accepted on this mux's behalf, to be sent again after every
 * reconnect (VPP forgets them when the client goes away or VPP restarts; docs/PROTOCOL.md 4.8).
 *
 * <ul>
 *   <li>A {@code want_*} request with its enable field set is remembered when VPP answers it with retval 0
 *       (the dispatcher confirms it before ending the request, so a reply received before a disconnect is
 *       always remembered before the registrations are sent again).</li>
 *   <li>The same request with the field cleared forgets it as soon as it is sent.</li>
 *   <li>Key: the message's {@code name_crc} and its body with the enable field cleared (so
 *       {@code want_ip_neighbor_events} for two addresses are two registrations).</li>
 * </ul>
 * Thread-safe; re-sent in the order they were first accepted.
 */
public final class EventRegistrations {
    private final Map<String, Registration> byKey = new LinkedHashMap<>();

    /** One remembered request: its type and its encoded body as sent. */
    private record Registration(MessageDescriptor<? extends Message> descriptor, byte[] body) {
    }

    /** A registration waiting for VPP's answer. */
    final class Candidate {
        private final String key;
        private final Registration registration;

        private Candidate(String key, Registration registration) {
            this.key = key;
            this.registration = registration;
        }

        /** VPP accepted it: remember it. */
        void confirm() {
            synchronized (EventRegistrations.this) {
                byKey.putIfAbsent(key, registration);
            }
        }
    }

    /**
     * Looks at a request about to be sent by a plugin: forgets a registration it disables, and returns
     * what to confirm when it enables one (null for any other request).
     */
    Candidate onSend(Message request) {
        WantToggle toggle = WantToggle.of(request);
        if (toggle == null) {
            return null;
        }
        String key = request.descriptor().nameCrc() + ':' + HexFormat.of().formatHex(toggle.keyOf(request));
        if (!toggle.isEnabled(request)) {
            synchronized (this) {
                byKey.remove(key);
            }
            return null;
        }
        return new Candidate(key, new Registration(request.descriptor(), WantToggle.body(request)));
    }

    /** Fresh copies of every remembered request, to send again. */
    public synchronized List<Message> requests() {
        List<Message> all = new ArrayList<>(byKey.size());
        for (Registration r : byKey.values()) {
            Message m = r.descriptor().newInstance();
            m.decode(ByteBuffer.wrap(r.body()));
            all.add(m);
        }
        return all;
    }

    /** How many registrations are remembered. */
    public synchronized int size() {
        return byKey.size();
    }
}
