package io.jvppmux.impl.core;

import io.jvppmux.api.CompatibilityException;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.spi.VppTransport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells which messages the connected VPP cannot take, keeping apart the messages it does not know at
 * all from those it knows under another CRC (which GoVPP cannot, FDio/govpp#146). Built once per
 * connect from the transport's table (indexed by name only when a check fails or the counts are logged); a transport that cannot list its table (shm) reports every
 * unknown message as missing.
 */
public final class Compatibility {
    private final VppTransport transport;
    private final Optional<Set<String>> table;
    /** VPP's {@code name_crc} by message name, built when first needed (a failed check, the connect log). */
    private volatile Map<String, String> vppNameCrcByName;

    private Compatibility(VppTransport transport, Optional<Set<String>> table) {
        this.transport = transport;
        this.table = table;
    }

    /** Reads the connected transport's table (its keys are indexed by message name only when first needed). */
    public static Compatibility of(VppTransport transport) {
        return new Compatibility(transport, transport.messageTable());
    }

    private Map<String, String> byName() {
        Map<String, String> m = vppNameCrcByName;
        if (m == null) {
            Map<String, String> byName = new HashMap<>();
            table.ifPresent(t -> t.forEach(nameCrc -> byName.put(nameOf(nameCrc), nameCrc)));
            m = byName;
            vppNameCrcByName = m;
        }
        return m;
    }

    /** The message name of a {@code name_crc} key: everything before the last underscore. */
    static String nameOf(String nameCrc) {
        int cut = nameCrc.lastIndexOf('_');
        return cut > 0 ? nameCrc.substring(0, cut) : nameCrc;
    }

    /** Throws when any of {@code messages} is unusable with the connected VPP. */
    public void check(Collection<? extends MessageDescriptor<?>> messages) {
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (MessageDescriptor<?> d : messages) {
            if (transport.messageId(d.nameCrc()) >= 0) {
                continue;
            }
            String other = byName().get(d.name());
            if (other != null) {
                changed.add(d.nameCrc() + " (VPP has " + other + ")");
            } else {
                missing.add(d.nameCrc());
            }
        }
        if (!missing.isEmpty() || !changed.isEmpty()) {
            throw new CompatibilityException(missing, changed);
        }
    }

    /** Counts, for the connect log, how many of {@code known} ({@code name_crc} keys) are missing and how many changed CRC. */
    public String summary(Collection<String> known) {
        int missing = 0;
        int changed = 0;
        for (String nameCrc : known) {
            if (transport.messageId(nameCrc) < 0) {
                if (byName().containsKey(nameOf(nameCrc))) {
                    changed++;
                } else {
                    missing++;
                }
            }
        }
        return missing + " unknown to VPP, " + changed + " with another CRC";
    }
}
