package io.jvppmux.api;

import java.util.List;

/**
 * Some messages are not usable with the VPP connected to. Tells messages VPP does not know at all
 * ({@link #missing()}: a plugin not loaded) from messages VPP knows under another CRC
 * ({@link #crcChanged()}: a different API version), which GoVPP cannot (FDio/govpp#146).
 */
public class CompatibilityException extends VppException {
    private static final long serialVersionUID = 1L;

    private final List<String> missing;
    private final List<String> crcChanged;

    /**
     * @param missing    {@code name_crc} of messages whose name VPP does not know
     * @param crcChanged {@code name_crc} of messages VPP knows with another CRC, each followed by
     *                   " (VPP has name_crc)"
     */
    public CompatibilityException(List<String> missing, List<String> crcChanged) {
        super("incompatible with the connected VPP: missing " + missing + ", CRC changed " + crcChanged);
        this.missing = List.copyOf(missing);
        this.crcChanged = List.copyOf(crcChanged);
    }

    /** Messages VPP does not know by name. */
    public List<String> missing() {
        return missing;
    }

    /** Messages VPP knows with a different CRC. */
    public List<String> crcChanged() {
        return crcChanged;
    }
}
