package io.jvppmux.api;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What is known about a message type without an instance: its VPP name, CRC, kind, header layout and
 * how to make a fresh instance. Each generated message class holds one as {@code DESCRIPTOR}.
 *
 * @param <M> the message class
 */
public final class MessageDescriptor<M extends Message> {
    private final String name;
    private final String crc;
    private final MessageKind kind;
    private final HeaderLayout header;
    private final Class<M> type;
    private final Supplier<M> factory;
    private final String nameCrc;

    /**
     * @param name    the VPP message name, e.g. {@code control_ping}
     * @param crc     the CRC as 8 lowercase hex digits without {@code 0x}, e.g. {@code 51077d14}
     * @param kind    the message's role
     * @param header  the header layout of its leading fields
     * @param type    the Java class
     * @param factory makes an empty instance
     */
    public MessageDescriptor(String name, String crc, MessageKind kind, HeaderLayout header,
                             Class<M> type, Supplier<M> factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.crc = Objects.requireNonNull(crc, "crc");
        if (!crc.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("crc of " + name + " must be 8 lowercase hex digits: " + crc);
        }
        this.kind = Objects.requireNonNull(kind, "kind");
        this.header = Objects.requireNonNull(header, "header");
        this.type = Objects.requireNonNull(type, "type");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.nameCrc = name + "_" + crc;
    }

    /** The VPP name, e.g. {@code sw_interface_dump}. */
    public String name() {
        return name;
    }

    /** The CRC, 8 lowercase hex digits. */
    public String crc() {
        return crc;
    }

    /** The key of VPP's message table: {@code name_crc}. */
    public String nameCrc() {
        return nameCrc;
    }

    /** The message's role. */
    public MessageKind kind() {
        return kind;
    }

    /** The header layout. */
    public HeaderLayout header() {
        return header;
    }

    /** The Java class. */
    public Class<M> type() {
        return type;
    }

    /** A new, empty instance. */
    public M newInstance() {
        return factory.get();
    }

    @Override
    public String toString() {
        return nameCrc;
    }
}
